/**
 * One Idempotency-Key per form submission (docs/api.md#retries): the page sends it with the form, and the web
 * server passes it to the gateway with the form's mutations. The same form sent again unchanged (a second tap
 * after an answer lost on the way) carries the same key, so the API does it once and answers as the first time;
 * once the API has answered, the next submission is a new request with a new key.
 */
export const IDEMPOTENCY_FIELD = 'idempotency-key';

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/** The key a form submission carried, if it is one the API accepts. */
export function submittedKey(form: FormData): string | null {
  const key = form.get(IDEMPOTENCY_FIELD);
  return typeof key === 'string' && KEY_SHAPE.test(key) ? key : null;
}

const pending = new WeakMap<HTMLFormElement, { key: string; content: string }>();

const contentOf = (data: FormData) =>
  JSON.stringify([...data.entries()].filter(([name]) => name !== IDEMPOTENCY_FIELD).map(([name, value]) => [name, typeof value === 'string' ? value : value.name]));

/** Puts the submission's key into `data`: the one still unanswered for the same content, else a new one. */
export function stampSubmission(form: HTMLFormElement, data: FormData): void {
  const content = contentOf(data);
  let entry = pending.get(form);
  if (!entry || entry.content !== content) {
    entry = { key: crypto.randomUUID(), content };
    pending.set(form, entry);
  }
  data.set(IDEMPOTENCY_FIELD, entry.key);
}

/** The API answered this form (done or refused): its next submission is a new request. */
export function submissionAnswered(form: HTMLFormElement): void {
  pending.delete(form);
}

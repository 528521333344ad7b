import { pageOf } from '../return-to.ts';

/**
 * What a person had typed into a form when their session ended, kept in the tab's sessionStorage (gone
 * with the tab) until they are back on the page signed in, and filled in again there
 * (docs/rules/web-sessions.md#coming-back). One draft at a time: the form they were sending or typing into.
 */
const KEY = 'dangvu:ban-nhap';
/** A draft older than this is not filled in: the page may have changed too much since. */
const KEPT_FOR_MS = 2 * 60 * 60 * 1000;
/** Never written down, not even in the tab: a password is typed again. */
const NOT_KEPT = new Set(['password', 'file', 'submit', 'button', 'reset', 'image']);

interface Draft {
  page: string;
  action: string;
  fields: [string, string][];
  keptAt: number;
}

const here = () => pageOf(new URL(location.href)) ?? '/';

const controlsOf = (form: HTMLFormElement) =>
  [...form.elements].filter(
    (element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) &&
      element.name !== '' &&
      !element.disabled &&
      !NOT_KEPT.has(element.type),
  );

const isChoice = (control: Element): control is HTMLInputElement =>
  control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

/** Keeps what `form` holds now, to be filled in again once the person is back on this page. */
export function keepDraft(form: HTMLFormElement) {
  const fields = controlsOf(form)
    .filter((control) => !isChoice(control) || control.checked)
    .map((control): [string, string] => [control.name, control.value]);
  const draft: Draft = { page: here(), action: form.getAttribute('action') ?? '', fields, keptAt: Date.now() };
  sessionStorage.setItem(KEY, JSON.stringify(draft));
}

export function forgetDraft() {
  sessionStorage.removeItem(KEY);
}

/**
 * Fills in the draft kept for this page, if there is one, into the form it came from, as though typed
 * (input and change events, so that the page's own state follows); the draft is then forgotten. Returns
 * the first control filled in, or null.
 */
export function restoreDraft(): HTMLElement | null {
  const kept = sessionStorage.getItem(KEY);
  if (!kept) return null;
  const draft = JSON.parse(kept) as Draft;
  if (draft.page !== here()) return null;
  forgetDraft();
  if (Date.now() - draft.keptAt > KEPT_FOR_MS) return null;
  const form = [...document.forms].find((candidate) => (candidate.getAttribute('action') ?? '') === draft.action);
  if (!form) return null;
  let first: HTMLElement | null = null;
  for (const control of controlsOf(form)) {
    const values = draft.fields.filter(([name]) => name === control.name).map(([, value]) => value);
    if (isChoice(control)) control.checked = values.includes(control.value);
    else if (values.length) control.value = values[0]!;
    else continue;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
    if (!first && control.type !== 'hidden') first = control;
  }
  return first;
}

import { applyAction, type SubmitFunction } from '$app/forms';
import { tick } from 'svelte';
import { BUSY, type FormResult } from '../form-result.ts';
import { stampSubmission, submissionAnswered } from '../idempotency.ts';
import { keepDraft } from './drafts.ts';

/**
 * Takes the person to what a form answered, wherever on the page it is said: the first field in error
 * (its label, hint and message come with it), else the answer marked `data-form-answer` (FormNotice, an
 * issued code, a question before an irreversible step). On a phone the answer is often off screen otherwise.
 */
function showAnswer(form: HTMLFormElement) {
  const field = form.isConnected ? form.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
  const answer = field ?? document.querySelector<HTMLElement>('[data-form-answer]');
  if (!answer) return;
  const shown = field?.closest<HTMLElement>('[data-field]') ?? answer;
  shown.scrollIntoView({ block: shown.offsetHeight > window.innerHeight / 2 ? 'start' : 'center' });
  answer.focus({ preventScroll: true });
}

/** Whether an action's redirect goes to the login page: the session ended on the way. */
const leadsToSignIn = (target: string) => target === '/dang-nhap' || target.startsWith('/dang-nhap?');

/**
 * A page's enhanced forms: `busy` while one is being sent, and after the answer, the person taken to it.
 * What was typed stays unless `clear` (a password is not left in its field once accepted). With
 * `refusedAs`, an answer that is no action's (the web server's "too many attempts", a failure on the way)
 * is said above the form as that action's refusal, rather than on an error page that loses what was typed.
 * A form sent after the session ended leads to the login page: what it held is kept and filled in again
 * once the person is back (drafts.ts). Each submission carries an idempotency key (idempotency.ts).
 */
export class FormSending {
  busy = $state(false);
  readonly #clear: boolean;
  readonly #refusedAs: string | null;

  constructor(options: { clear?: boolean; refusedAs?: string } = {}) {
    this.#clear = options.clear ?? false;
    this.#refusedAs = options.refusedAs ?? null;
  }

  submit: SubmitFunction = ({ formElement, formData }) => {
    this.busy = true;
    stampSubmission(formElement, formData);
    return async ({ update, result, formElement }) => {
      // An answer that is no action's (the connection dropped, the server failed) may hide a done mutation:
      // the form keeps its key, so that sending it again cannot do it twice.
      if (result.type !== 'error') submissionAnswered(formElement);
      try {
        if (result.type === 'redirect' && leadsToSignIn(result.location)) {
          keepDraft(formElement);
          await update();
        } else if (result.type === 'error' && this.#refusedAs !== null) {
          const refusal: FormResult = {
            action: this.#refusedAs,
            ok: false,
            message: result.error.message || BUSY,
            fieldErrors: {},
            values: {},
            extra: null,
            asking: null,
          };
          await applyAction({ type: 'failure', status: result.status ?? 500, data: { ...refusal }, location: location.pathname + location.search });
        } else {
          await update({ reset: this.#clear });
        }
      } finally {
        this.busy = false;
      }
      await tick();
      showAnswer(formElement);
    };
  };
}

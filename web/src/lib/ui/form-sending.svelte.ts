import type { SubmitFunction } from '$app/forms';
import { tick } from 'svelte';

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

/**
 * A page's enhanced forms: `busy` while one is being sent, and after the answer, the person taken to it.
 * What was typed stays unless `clear` (a password is not left in its field once accepted).
 */
export class FormSending {
  busy = $state(false);
  readonly #clear: boolean;

  constructor(options: { clear?: boolean } = {}) {
    this.#clear = options.clear ?? false;
  }

  submit: SubmitFunction = () => {
    this.busy = true;
    return async ({ update, formElement }) => {
      try {
        await update({ reset: this.#clear });
      } finally {
        this.busy = false;
      }
      await tick();
      showAnswer(formElement);
    };
  };
}

import type { HandleClientError } from '@sveltejs/kit/hooks';
import { BUSY } from '#lib/form-result.ts';

/**
 * What the browser says of a failure it did not expect, such as a connection dropped while a form was sent:
 * in Vietnamese, and as a pause, not a fault, since the form can be sent again (it keeps its idempotency key).
 * An error the web server chose to send (a throttled form's) keeps its own words.
 */
export const handleError: HandleClientError = (caught) => {
  if (caught.kind === 'app') return;
  console.error('unexpected error', caught.error);
  return { message: BUSY };
};

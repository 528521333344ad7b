import type { HandleClientError } from '@sveltejs/kit/hooks';
import { BUSY } from '#lib/form-result.ts';

/**
 * What the browser says of a failure it did not expect, such as a connection dropped while a form was sent:
 * in Vietnamese, and as a pause, not a fault, since the form can be sent again (it keeps its idempotency key).
 */
export const handleError: HandleClientError = ({ error }) => {
  console.error('unexpected error', error);
  return { message: BUSY };
};

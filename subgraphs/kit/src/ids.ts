import { appError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an id a client typed before it reaches SQL, where a malformed uuid would be a server error. */
export function parseId(value: string): string {
  if (!UUID.test(value)) throw appError('BAD_USER_INPUT', 'Mã định danh không hợp lệ.');
  return value.toLowerCase();
}

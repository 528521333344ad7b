import { appError } from './errors.ts';

const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_TEXT}$`, 'i');

/** A materialized organization path: `/id/…/id/`, each segment a uuid. */
export const ORG_PATH = new RegExp(`^/(?:${UUID_TEXT}/)+$`);

export const isUuid = (value: string) => UUID.test(value);

/** Checks an id a client typed before it reaches SQL, where a malformed uuid would be a server error. */
export function parseId(value: string): string {
  if (!isUuid(value)) throw appError('BAD_USER_INPUT', 'Mã định danh không hợp lệ.');
  return value.toLowerCase();
}

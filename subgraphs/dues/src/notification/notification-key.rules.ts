import { createHash, randomBytes } from 'node:crypto';

/** A key as the service presents it: a prefix that says what it is, then 32 random bytes (docs/api.md#payment-notifications). */
export const newNotificationKey = () => `dpn_${randomBytes(32).toString('base64url')}`;

/** What is kept of a key. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

/** The key of an `Authorization` header: `Apikey <key>` as SePay sends it, or `Bearer <key>`. */
export function presentedKey(header: string | undefined): string | null {
  const match = /^(?:Apikey|Bearer)\s+(\S+)$/i.exec(header?.trim() ?? '');
  return match ? match[1]! : null;
}

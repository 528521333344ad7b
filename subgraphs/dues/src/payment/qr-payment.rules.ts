/**
 * The payment code and memo of a QR payment (docs/rules/dues-payments.md#the-payment-code): the code identifies
 * the prepared months when the money arrives, inside whatever narrative the bank wraps the memo in.
 */

/** Letters and digits that cannot be read one for another (no I, O, 0, 1), 32 of them: one byte's low five bits each. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_PREFIX = 'DP';
export const CODE_PATTERN = /^DP[A-HJ-NP-Z2-9]{8}$/;

/** "DP" and eight characters drawn from `random` (eight bytes): 2^40 codes, unguessable enough to be shared. */
export function paymentCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('a payment code needs eight random bytes');
  return CODE_PREFIX + Array.from(random.subarray(0, 8), (byte) => CODE_ALPHABET[byte & 31]).join('');
}

/** What the transfer's memo says: the code first, so that a bank cutting the memo short keeps it. */
export const paymentMemo = (code: string) => `${code} DANG PHI`;

/** The months of a payment as one key: two preparations of the same months are the same payment. */
export const monthsKey = (periods: readonly string[]) => [...periods].sort().join(',');

/**
 * A Vietnamese mobile or landline number in the one form the register keeps: ten digits starting with 0
 * (docs/rules/member-register.md#contact-details). People write "0912 345 678", "0912.345.678" or
 * "+84 912 345 678": spaces, dots, dashes and brackets are dropped and +84 / 84 becomes 0. Null when what is
 * left is not such a number.
 */
export function normalizePhone(typed: string): string | null {
  const digits = typed.replace(/[\s.\-()]/g, '');
  const national = digits.replace(/^\+?84(?=\d{9}$)/, '0');
  return /^0\d{9}$/.test(national) ? national : null;
}

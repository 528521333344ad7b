/**
 * The VietQR payload (docs/rules/dues-payments.md#the-qr-payload): EMVCo's merchant-presented QR as NAPAS's
 * VietQR standard fills it for a transfer to a bank account (service QRIBFTTA), which every Vietnamese banking
 * app reads. A payload is a chain of ID, two-digit length and value; templates nest chains; the last element is
 * the CRC over everything before it, its own ID and length included.
 */

/** NAPAS's globally unique identifier of VietQR, in the merchant account template. */
const NAPAS_GUID = 'A000000727';
/** Inter-bank fund transfer 24/7 to an account. */
const TO_ACCOUNT = 'QRIBFTTA';
const DONG = '704';
/** The longest value of a purpose of transaction (EMVCo additional data, ID 08). */
export const MAX_MEMO_LENGTH = 25;

/** One data object: ID, length in two digits, value. */
function element(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR element ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR), four upper-case hex digits. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export interface VietQrTransfer {
  /** The bank's six-digit NAPAS BIN. */
  bankBin: string;
  accountNumber: string;
  /** Whole dong, above zero. */
  amount: bigint;
  /** What the transfer's memo should say: ASCII letters, digits and spaces, at most 25 characters. */
  memo: string;
}

/**
 * The payload of a dynamic QR (point of initiation 12: this amount, this once) for a transfer of `amount` dong
 * to the account, with the memo as the purpose of transaction.
 */
export function vietQrPayload({ bankBin, accountNumber, amount, memo }: VietQrTransfer): string {
  if (!/^\d{6}$/.test(bankBin)) throw new Error('a NAPAS BIN is six digits');
  if (!/^[0-9A-Z]{1,19}$/.test(accountNumber)) throw new Error('an account number is 1 to 19 digits or capitals');
  if (amount <= 0n || amount.toString().length > 13) throw new Error('a VietQR amount is 1 to 13 digits of dong');
  if (!/^[0-9A-Za-z ]*$/.test(memo) || memo.length > MAX_MEMO_LENGTH) throw new Error('a VietQR memo is at most 25 ASCII letters, digits and spaces');
  const beneficiary = element('00', bankBin) + element('01', accountNumber);
  const body =
    element('00', '01') +
    element('01', '12') +
    element('38', element('00', NAPAS_GUID) + element('01', beneficiary) + element('02', TO_ACCOUNT)) +
    element('53', DONG) +
    element('54', amount.toString()) +
    element('58', 'VN') +
    (memo ? element('62', element('08', memo)) : '') +
    '6304';
  return body + crc16CcittFalse(body);
}

/** The data objects of a chain, by ID, in order; throws on a chain that does not parse. */
export function readElements(chain: string): Map<string, string> {
  const elements = new Map<string, string>();
  for (let at = 0; at < chain.length; ) {
    const id = chain.slice(at, at + 2);
    const length = Number(chain.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(chain.slice(at + 2, at + 4)) || at + 4 + length > chain.length) throw new Error(`not an EMVCo chain at ${at}`);
    elements.set(id, chain.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return elements;
}

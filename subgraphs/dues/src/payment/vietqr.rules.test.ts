import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, readElements, vietQrPayload } from './vietqr.rules.ts';

describe('CRC-16/CCITT-FALSE', () => {
  it.each([
    // The catalogue's check value of the algorithm, over the nine digits.
    ['123456789', '29B1'],
    ['', 'FFFF'],
    ['A', 'B915'],
    // A published VietQR payload's body, its CRC as printed with it.
    ['00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304', 'C15C'],
  ])('of %j is %s', (text, crc) => {
    expect(crc16CcittFalse(text)).toBe(crc);
  });
});

describe('the VietQR payload', () => {
  it('is, byte for byte, the published sample for 120,000 dong to a VietinBank account', () => {
    expect(vietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: 120_000n, memo: 'ung ho lu lut' })).toBe(
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
    );
  });

  it('names the bank, the account, the amount in dong, the memo, and ends with the CRC of what precedes it', () => {
    const payload = vietQrPayload({ bankBin: '970405', accountNumber: '1234567890', amount: 9_999_999_999_999n, memo: 'DPK7M2Q9XA DANG PHI' });
    const root = readElements(payload);
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12');
    const merchant = readElements(root.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect(Object.fromEntries(readElements(merchant.get('01')!))).toEqual({ '00': '970405', '01': '1234567890' });
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe('9999999999999');
    expect(root.get('58')).toBe('VN');
    expect(readElements(root.get('62')!).get('08')).toBe('DPK7M2Q9XA DANG PHI');
    expect(root.get('63')).toBe(crc16CcittFalse(payload.slice(0, -4)));
  });

  it.each([
    ['a BIN that is not six digits', { bankBin: '97040' }],
    ['an account with other characters', { accountNumber: '1234-5678' }],
    ['no amount', { amount: 0n }],
    ['a negative amount', { amount: -5_000n }],
    ['an amount of 14 digits', { amount: 10n ** 13n }],
    ['a memo of 26 characters', { memo: 'A'.repeat(26) }],
    ['a memo with diacritics', { memo: 'Đảng phí' }],
  ])('refuses %s', (_what, change) => {
    expect(() => vietQrPayload({ bankBin: '970405', accountNumber: '1234567890', amount: 5_000n, memo: 'DANG PHI', ...change })).toThrow();
  });
});

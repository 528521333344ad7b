import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, monthsKey, paymentCode, paymentMemo } from './qr-payment.rules.ts';
import { MAX_MEMO_LENGTH } from './vietqr.rules.ts';

describe('the payment code', () => {
  it('is DP and eight letters or digits none of which reads as another', () => {
    expect(paymentCode(Uint8Array.from([0, 1, 7, 8, 14, 22, 24, 31]))).toBe('DPABHJQY29');
    expect(paymentCode(Uint8Array.from([32, 33, 255, 254, 64, 96, 128, 200]))).toBe('DPAB98AAAJ');
    for (let i = 0; i < 200; i++) expect(paymentCode(crypto.getRandomValues(new Uint8Array(8)))).toMatch(CODE_PATTERN);
  });

  it('refuses fewer than eight random bytes', () => {
    expect(() => paymentCode(new Uint8Array(7))).toThrow();
  });

  it('leads a memo that fits the VietQR purpose field', () => {
    expect(paymentMemo('DPABHJQY29')).toBe('DPABHJQY29 DANG PHI');
    expect(paymentMemo('DPABHJQY29').length).toBeLessThanOrEqual(MAX_MEMO_LENGTH);
  });

  it('keys the same months the same way whatever their order', () => {
    expect(monthsKey(['2026-03-01', '2026-01-01'])).toBe(monthsKey(['2026-01-01', '2026-03-01']));
  });
});

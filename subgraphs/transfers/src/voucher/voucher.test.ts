import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { transferSecrets } from '../signature/transfer-secrets.ts';
import { openVoucher, sealVoucher } from './voucher.ts';

const secrets = transferSecrets(randomBytes(32));
const now = new Date('2026-03-02T08:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const facts = { memberId: 'm-1', paidThrough: '2026-02' };

describe('vouchers', () => {
  const token = sealVoucher(secrets, 'letter', 'officer-1', facts, now);

  it('give back the facts to the caller they were read for, within fifteen minutes', () => {
    expect(openVoucher(secrets, token, 'letter', 'officer-1', later(15), 'letterVoucher')).toEqual(facts);
  });

  it('are expired after fifteen minutes', () => {
    expect(openVoucher(secrets, token, 'letter', 'officer-1', later(16), 'letterVoucher')).toMatchObject({ code: 'EXPIRED_VOUCHER', field: 'letterVoucher' });
  });

  it('are refused when altered, when of another kind, read by someone else, or sealed under another key', () => {
    const [text, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(text!, 'base64url').toString()), facts: { ...facts, paidThrough: '2026-12' } })).toString('base64url');
    for (const [candidate, kind, reader, key] of [
      [`${forged}.${mac}`, 'letter', 'officer-1', secrets],
      [token, 'member', 'officer-1', secrets],
      [token, 'letter', 'officer-2', secrets],
      [token, 'letter', 'officer-1', transferSecrets(randomBytes(32))],
      ['not a voucher', 'letter', 'officer-1', secrets],
    ] as const) {
      expect(openVoucher(key, candidate, kind, reader, now, 'letterVoucher')).toMatchObject({ code: 'INVALID_VOUCHER' });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { presentedKey } from './notification-key.rules.ts';
import { readNotification } from './payment-notification.rules.ts';

const sepay = (fields: Record<string, unknown> = {}) => ({
  id: 92704,
  gateway: 'Vietcombank',
  transactionDate: '2026-03-05 14:02:37',
  accountNumber: '0123499999',
  code: null,
  content: 'NGUYEN VAN A DPK7M2Q9XA DANG PHI',
  transferType: 'in',
  transferAmount: 6000,
  accumulated: 19077000,
  subAccount: null,
  referenceCode: 'MBVCB.3278907687',
  description: '',
  ...fields,
});

describe('readNotification', () => {
  it('reads a credited transfer as a line keyed by the service’s transaction id', () => {
    expect(readNotification(sepay())).toEqual({
      accountNumbers: ['0123499999'],
      line: { reference: 'N-92704', bookedOn: '2026-03-05', amount: 6000n, narrative: 'NGUYEN VAN A DPK7M2Q9XA DANG PHI' },
    });
  });
  it('searches the bank’s description too when the content is empty, and takes a virtual sub-account', () => {
    expect(readNotification(sepay({ content: '', description: 'MBVCB.1.DPK7M2Q9XA', subAccount: 'VQR123' }))).toMatchObject({ accountNumbers: ['0123499999', 'VQR123'], line: { narrative: 'MBVCB.1.DPK7M2Q9XA' } });
  });
  it('passes over a debit', () => expect(readNotification(sepay({ transferType: 'out' }))).toEqual({ ignored: true }));
  it.each([
    [{ transferAmount: 12.5 }, 'transferAmount'],
    [{ transferAmount: -6000 }, 'transferAmount'],
    [{ transferAmount: '6000' }, 'transferAmount'],
    [{ accountNumber: undefined }, 'accountNumber'],
    [{ id: 'có dấu' }, 'id'],
    [{ transactionDate: 'hôm nay' }, 'transactionDate'],
  ])('refuses %j, naming the field', (fields, field) => expect(readNotification(sepay(fields))).toEqual({ invalid: expect.stringContaining(field) }));
});

describe('presentedKey', () => {
  it.each([
    ['Apikey dpn_abc', 'dpn_abc'],
    ['apikey dpn_abc', 'dpn_abc'],
    ['Bearer dpn_abc', 'dpn_abc'],
    ['Basic dXNlcjpwYXNz', null],
    ['Apikey', null],
    [undefined, null],
  ])('reads %j as %j', (header, key) => expect(presentedKey(header)).toBe(key));
});

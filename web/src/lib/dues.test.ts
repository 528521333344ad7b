import { describe, expect, it } from 'vitest';
import { duesSituation } from './dues.ts';

const standing = (paidThrough: string | null, unpaidMonths: number, amountOwed = '0') => ({ paidThrough, unpaidMonths, amountOwed, currentMonthlyAmount: '248000' });

describe('what the dues panel leads with', () => {
  it('leads with the arrears while earlier months are owed, whatever the day of the month', () => {
    expect(duesSituation(standing('2026-09', 2, '496000'), '2026-12-02')).toEqual({ kind: 'arrears', months: 2, owed: '496000' });
    expect(duesSituation(standing(null, 2, '496000'), '2026-12-30')).toEqual({ kind: 'arrears', months: 2, owed: '496000' });
  });

  it('counts down to the end of the month when only this month is unpaid', () => {
    expect(duesSituation(standing('2026-11', 1, '248000'), '2026-12-02')).toEqual({ kind: 'this-month', due: '2026-12-31', done: false });
  });

  it('calls an older month left unpaid arrears even when it is the only one', () => {
    expect(duesSituation(standing('2026-09', 1, '248000'), '2026-12-02')).toMatchObject({ kind: 'arrears', months: 1 });
  });

  it('says this month is paid once it is, January after December too', () => {
    expect(duesSituation(standing('2027-01', 0), '2027-01-05')).toEqual({ kind: 'this-month', due: '2027-01-31', done: true });
    expect(duesSituation(standing('2026-12', 1, '248000'), '2027-01-05')).toMatchObject({ kind: 'this-month', done: false });
  });
});

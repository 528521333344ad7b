import { describe, expect, it } from 'vitest';
import { duesSituation } from './dues.ts';

const standing = (paidThrough: string | null, openMonths: string[], inGoodStanding: boolean, amountOwed = '0') => ({ paidThrough, openMonths, inGoodStanding, amountOwed });

describe('what the dues panel leads with', () => {
  it('leads with the arrears while the standing says a past month is owed, whatever the day of the month', () => {
    expect(duesSituation(standing('2026-09', ['2026-10', '2026-12'], false, '496000'), '2026-12-02')).toEqual({ kind: 'arrears', months: 2, owed: '496000' });
    expect(duesSituation(standing(null, ['2026-10', '2026-11'], false, '496000'), '2026-12-30')).toEqual({ kind: 'arrears', months: 2, owed: '496000' });
  });

  it('counts down to the end of the month when only this month is owed', () => {
    expect(duesSituation(standing('2026-11', ['2026-12'], true, '248000'), '2026-12-02')).toEqual({ kind: 'this-month', due: '2026-12-31', done: false });
  });

  it('says this month is paid once it is, January after December too', () => {
    expect(duesSituation(standing('2027-01', [], true), '2027-01-05')).toEqual({ kind: 'this-month', due: '2027-01-31', done: true });
    expect(duesSituation(standing('2026-12', ['2027-01'], true, '248000'), '2027-01-05')).toMatchObject({ kind: 'this-month', done: false });
  });
});

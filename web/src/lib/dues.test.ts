import { describe, expect, it } from 'vitest';
import { duesReminder, duesSituation } from './dues.ts';

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

describe('the reminder before the month ends', () => {
  const open = (openMonths: string[], level: 'NONE' | 'WARNING' | 'FOR_CONSIDERATION' = 'NONE', unpaidMonths: string[] = []) => ({ openMonths, arrears: { level, unpaidMonths } });

  it.each([
    ['2026-12-26', 5, null],
    ['2026-12-27', 5, 4],
    ['2026-12-31', 5, 0],
    ['2026-02-24', 5, 4],
    ['2026-02-23', 5, null],
    ['2026-12-30', 1, null],
    ['2026-12-31', 1, 0],
    ['2026-12-01', 31, 30],
  ])('on %s with a window of %i days: %s days left, or none', (today, window, daysLeft) => {
    const reminder = duesReminder(open([today.slice(0, 7)]), today, window);
    expect(reminder?.daysLeft ?? null).toBe(daysLeft);
  });

  it('says nothing once this month is paid, even with earlier months still open', () => {
    expect(duesReminder(open(['2026-10']), '2026-12-30', 5)).toBeNull();
  });

  it('carries the arrears warning of the standing, with its count, when there is one', () => {
    expect(duesReminder(open(['2026-09', '2026-10', '2026-12'], 'WARNING', ['2026-09', '2026-10']), '2026-12-29', 5)).toEqual({
      month: '2026-12',
      daysLeft: 2,
      arrears: { unpaidMonths: 2, level: 'WARNING' },
    });
    expect(duesReminder(open(['2026-12']), '2026-12-29', 5)).toEqual({ month: '2026-12', daysLeft: 2, arrears: null });
  });
});

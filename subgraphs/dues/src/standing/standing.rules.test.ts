import { describe, expect, it } from 'vitest';
import { duesStanding, type Obligation } from './standing.rules.ts';

const month = (period: string, status: Obligation['status'], amount = 53_100n): Obligation => ({
  period: `${period}-01`,
  status,
  amount,
});
const TODAY = '2026-12-02';

describe('duesStanding', () => {
  it('has nothing paid and nothing owed without obligations', () => {
    expect(duesStanding([], TODAY)).toEqual({
      paidThrough: null,
      openMonths: [],
      amountOwed: 0n,
      arrears: { unpaidMonths: [], level: 'NONE' },
      inGoodStanding: true,
      currentMonthlyAmount: null,
    });
  });

  it('is paid through the last month of an unbroken settled run, whatever the input order', () => {
    const standing = duesStanding([month('2026-03', 'DUE'), month('2026-01', 'PAID_ONLINE'), month('2026-02', 'PAID_CASH')], TODAY);
    expect(standing.paidThrough).toBe('2026-02');
    expect(standing.openMonths).toEqual(['2026-03']);
    expect(standing.amountOwed).toBe(53_100n);
  });

  it('stops the paid run at a gap even when later months are paid', () => {
    const standing = duesStanding([month('2026-01', 'PAID_ONLINE'), month('2026-02', 'OVERDUE'), month('2026-03', 'PAID_ONLINE')], TODAY);
    expect(standing.paidThrough).toBe('2026-01');
    expect(standing.openMonths).toEqual(['2026-02']);
  });

  it('counts waived and prepaid months as settled, deferred as neither settled nor owed', () => {
    const standing = duesStanding([month('2026-01', 'WAIVED'), month('2026-02', 'PREPAID'), month('2026-03', 'DEFERRED')], TODAY);
    expect(standing).toMatchObject({ paidThrough: '2026-02', openMonths: [], amountOwed: 0n, inGoodStanding: true, currentMonthlyAmount: 53_100n });
  });

  it('owes the reduced amount of a reduced month', () => {
    const standing = duesStanding([month('2026-01', 'REDUCED', 15_930n), month('2026-02', 'DUE', 53_100n)], TODAY);
    expect(standing.amountOwed).toBe(69_030n);
    expect(standing.currentMonthlyAmount).toBe(53_100n);
  });

  it('adds amounts exactly past what a JavaScript number holds', () => {
    const standing = duesStanding([month('2026-01', 'DUE', 2n ** 53n - 1n), month('2026-02', 'OVERDUE', 2n)], TODAY);
    expect(standing.amountOwed).toBe(2n ** 53n + 1n);
  });

  it.each([
    ['only this month owed: in good standing, nothing counted', [month('2026-11', 'PAID_CASH'), month('2026-12', 'DUE')], true, [], 'NONE'],
    ['last year’s month owed: not in good standing, yet not counted in this year', [month('2025-12', 'OVERDUE'), month('2026-01', 'PAID_CASH')], false, [], 'NONE'],
    ['two months of this year owed: a warning', [month('2026-02', 'OVERDUE'), month('2026-07', 'DUE'), month('2026-12', 'DUE')], false, ['2026-02', '2026-07'], 'WARNING'],
    [
      'three months of this year owed, not in a row, a reduced one among them: for the cell to consider',
      [month('2026-01', 'OVERDUE'), month('2026-04', 'PAID_CASH'), month('2026-05', 'REDUCED'), month('2026-11', 'DUE')],
      false,
      ['2026-01', '2026-05', '2026-11'],
      'FOR_CONSIDERATION',
    ],
    ['a deferred month has an accepted reason', [month('2026-09', 'DEFERRED'), month('2026-10', 'DEFERRED'), month('2026-11', 'PAID_CASH')], true, [], 'NONE'],
  ] as const)('%s', (_what, obligations, inGoodStanding, unpaidMonths, level) => {
    const standing = duesStanding(obligations, TODAY);
    expect(standing.inGoodStanding).toBe(inGoodStanding);
    expect(standing.arrears).toEqual({ unpaidMonths, level });
  });
});

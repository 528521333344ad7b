import { describe, expect, it } from 'vitest';
import { duesStanding, type Obligation } from './standing.rules.ts';

const month = (period: string, status: Obligation['status'], amount = 53_100n): Obligation => ({
  period: `${period}-01`,
  status,
  amount,
});

describe('duesStanding', () => {
  it('has nothing paid and nothing owed without obligations', () => {
    expect(duesStanding([])).toEqual({ paidThrough: null, unpaidMonths: 0, amountOwed: 0n, currentMonthlyAmount: null });
  });

  it('is paid through the last month of an unbroken settled run, whatever the input order', () => {
    const standing = duesStanding([month('2026-03', 'DUE'), month('2026-01', 'PAID_ONLINE'), month('2026-02', 'PAID_CASH')]);
    expect(standing.paidThrough).toBe('2026-02');
    expect(standing.unpaidMonths).toBe(1);
    expect(standing.amountOwed).toBe(53_100n);
  });

  it('stops the paid run at a gap even when later months are paid', () => {
    const standing = duesStanding([month('2026-01', 'PAID_ONLINE'), month('2026-02', 'OVERDUE'), month('2026-03', 'PAID_ONLINE')]);
    expect(standing.paidThrough).toBe('2026-01');
    expect(standing.unpaidMonths).toBe(1);
  });

  it('counts waived and prepaid months as settled, deferred as neither settled nor unpaid', () => {
    const standing = duesStanding([month('2026-01', 'WAIVED'), month('2026-02', 'PREPAID'), month('2026-03', 'DEFERRED')]);
    expect(standing).toEqual({ paidThrough: '2026-02', unpaidMonths: 0, amountOwed: 0n, currentMonthlyAmount: 53_100n });
  });

  it('owes the reduced amount of a reduced month', () => {
    const standing = duesStanding([month('2026-01', 'REDUCED', 15_930n), month('2026-02', 'DUE', 53_100n)]);
    expect(standing.amountOwed).toBe(69_030n);
    expect(standing.currentMonthlyAmount).toBe(53_100n);
  });

  it('adds amounts exactly past what a JavaScript number holds', () => {
    const standing = duesStanding([month('2026-01', 'DUE', 2n ** 53n - 1n), month('2026-02', 'OVERDUE', 2n)]);
    expect(standing.amountOwed).toBe(2n ** 53n + 1n);
  });
});

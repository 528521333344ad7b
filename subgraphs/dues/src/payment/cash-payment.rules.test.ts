import { describe, expect, it } from 'vitest';
import { checkMonthsAsked, checkMonthsOwed, closedMonthErrors, receiptReference, vietnamYear } from './cash-payment.rules.ts';

describe('cash payment rules', () => {
  it('asks for at least one month, at most 24, each once', () => {
    expect(checkMonthsAsked([]).map((e) => e.code)).toEqual(['MONTHS_REQUIRED']);
    expect(checkMonthsAsked(Array.from({ length: 25 }, (_, i) => `20${26 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`)).map((e) => e.code)).toEqual(['TOO_MANY_MONTHS']);
    expect(checkMonthsAsked(['2026-01', '2026-02', '2026-01'])).toEqual([{ code: 'DUPLICATE_MONTH', field: 'months', message: 'Tháng 01/2026 được chọn hai lần.' }]);
    expect(checkMonthsAsked(['2026-01', '2026-02'])).toEqual([]);
  });

  it('takes only months still to pay (due, overdue, reduced, deferred), naming each month that is not', () => {
    const rows = [
      { id: 'a', period: '2026-01-01', amount: '3000', status: 'DUE' },
      { id: 'b', period: '2026-02-01', amount: '3000', status: 'REDUCED' },
      { id: 'c', period: '2026-03-01', amount: '3000', status: 'WAIVED' },
      { id: 'd', period: '2026-04-01', amount: '3000', status: 'OVERDUE' },
      { id: 'e', period: '2026-06-01', amount: '3000', status: 'DEFERRED' },
    ];
    expect(checkMonthsOwed(['2026-01', '2026-02', '2026-04', '2026-06'], rows)).toEqual([]);
    expect(checkMonthsOwed(['2026-03', '2026-05'], rows)).toEqual([
      { code: 'MONTH_ALREADY_SETTLED', field: 'months', message: 'Tháng 03/2026 đã đóng hoặc không phải đóng, không thu lại.' },
      { code: 'MONTH_NOT_OWED', field: 'months', message: 'Tháng 05/2026 chưa có khoản đảng phí phải đóng.' },
    ]);
  });

  it('numbers by the year in Vietnam: 31 December 17:00 UTC is already 1 January there', () => {
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(vietnamYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(receiptReference(7, 2026)).toBe('0007/2026');
  });
});

describe('a closed month', () => {
  it('refuses each month its organization has closed, by name, and no other', () => {
    const rows = [
      { orgId: 'cell', period: '2026-10-01' },
      { orgId: 'cell', period: '2026-11-01' },
      { orgId: 'other', period: '2026-10-01' },
    ];
    const errors = closedMonthErrors(rows, new Set(['cell 2026-10-01']));
    expect(errors).toEqual([{ code: 'MONTH_CLOSED', field: 'months', message: expect.stringContaining('Tháng 10/2026 đã khóa sổ') }]);
  });
});

import { describe, expect, it } from 'vitest';
import { duesClearance, monthBefore } from './dues-clearance.rules.ts';

describe('dues on the letter', () => {
  it('clears a member paid through the month before the issue month, this month still open', () => {
    expect(duesClearance({ paidThrough: '2026-11', unpaidMonths: 1 }, '2026-12-03')).toEqual({ paidThrough: '2026-11' });
    expect(duesClearance({ paidThrough: '2026-12', unpaidMonths: 0 }, '2026-12-03')).toEqual({ paidThrough: '2026-12' });
  });

  it('across the new year, the month before January is December', () => {
    expect(monthBefore('2027-01-04')).toBe('2026-12');
    expect(duesClearance({ paidThrough: '2026-12', unpaidMonths: 1 }, '2027-01-04')).toEqual({ paidThrough: '2026-12' });
  });

  it('refuses while a month before the issue month is unpaid, saying which months', () => {
    expect(duesClearance({ paidThrough: '2026-10', unpaidMonths: 2 }, '2026-12-03')).toEqual({
      code: 'DUES_UNPAID',
      field: 'letterVoucher',
      message: 'Đảng viên còn nợ đảng phí trước tháng 12/2026 (mới đóng hết tháng 10/2026): chi bộ cần thu đủ trước khi cấp giấy giới thiệu.',
    });
    expect(duesClearance({ paidThrough: null, unpaidMonths: 3 }, '2026-12-03')).toMatchObject({ code: 'DUES_UNPAID' });
  });

  it('clears a member who owes nothing at all in the window (months deferred by decision)', () => {
    expect(duesClearance({ paidThrough: null, unpaidMonths: 0 }, '2026-12-03')).toEqual({ paidThrough: null });
  });
});

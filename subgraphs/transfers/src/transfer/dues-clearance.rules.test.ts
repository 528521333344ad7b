import { describe, expect, it } from 'vitest';
import { duesClearance } from './dues-clearance.rules.ts';

describe('dues on the letter', () => {
  it('clears a member in good standing, this month still open', () => {
    expect(duesClearance({ paidThrough: '2026-11', inGoodStanding: true }, '2026-12-03')).toEqual({ paidThrough: '2026-11' });
    expect(duesClearance({ paidThrough: '2026-12', inGoodStanding: true }, '2026-12-03')).toEqual({ paidThrough: '2026-12' });
  });

  it('refuses while a month before the issue month is unpaid, saying which months', () => {
    expect(duesClearance({ paidThrough: '2026-10', inGoodStanding: false }, '2026-12-03')).toEqual({
      code: 'DUES_UNPAID',
      field: 'letterVoucher',
      message: 'Đảng viên còn nợ đảng phí trước tháng 12/2026 (mới đóng hết tháng 10/2026): chi bộ cần thu đủ trước khi cấp giấy giới thiệu.',
    });
    expect(duesClearance({ paidThrough: null, inGoodStanding: false }, '2026-12-03')).toMatchObject({ code: 'DUES_UNPAID' });
  });

  it('clears a member whom the dues standing finds in good standing with nothing paid (months deferred by decision)', () => {
    expect(duesClearance({ paidThrough: null, inGoodStanding: true }, '2026-12-03')).toEqual({ paidThrough: null });
  });
});

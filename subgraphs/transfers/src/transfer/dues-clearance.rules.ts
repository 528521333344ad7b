import type { UserError } from '@dangvu/subgraph-kit';

/** A member's dues standing as the dues subgraph answers it (docs/rules/dues-standing.md#the-standing). */
export interface DuesStandingFacts {
  /** YYYY-MM, or null. */
  paidThrough: string | null;
  unpaidMonths: number;
}

/** YYYY-MM of the month before the one `day` is in. */
export function monthBefore(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

const display = (yearMonth: string) => `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`;

/**
 * "Dues paid through" for a letter issued on `issueDay`, or why it cannot be issued yet: the member owes a
 * month before the issue month (docs/rules/transfers.md#dues-on-the-letter). Paid through the month before
 * the issue month at least, or nothing unpaid at all in the standing's window (months deferred by decision,
 * or none due), clears it.
 */
export function duesClearance(standing: DuesStandingFacts, issueDay: string): { paidThrough: string | null } | UserError {
  const before = monthBefore(issueDay);
  if ((standing.paidThrough !== null && standing.paidThrough >= before) || standing.unpaidMonths === 0) return { paidThrough: standing.paidThrough };
  return {
    code: 'DUES_UNPAID',
    field: 'letterVoucher',
    message:
      `Đảng viên còn nợ đảng phí trước tháng ${display(issueDay.slice(0, 7))}` +
      `${standing.paidThrough ? ` (mới đóng hết tháng ${display(standing.paidThrough)})` : ''}: chi bộ cần thu đủ trước khi cấp giấy giới thiệu.`,
  };
}

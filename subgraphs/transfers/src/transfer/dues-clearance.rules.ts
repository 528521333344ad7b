import type { UserError } from '@dangvu/subgraph-kit';

/** A member's dues standing as the dues subgraph answers it (docs/rules/dues-standing.md#the-standing). */
export interface DuesStandingFacts {
  /** YYYY-MM, or null. */
  paidThrough: string | null;
  /** Nothing owed for a month before this one, as the dues subgraph defines it (docs/rules/dues-standing.md#the-standing). */
  inGoodStanding: boolean;
}

const display = (yearMonth: string) => `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`;

/**
 * "Dues paid through" for a letter issued on `issueDay`, or why it cannot be issued yet: the member owes a
 * month before the issue month (docs/rules/transfers.md#dues-on-the-letter). Whether they do is the dues
 * standing's own answer (`inGoodStanding`), not reckoned again here: months deferred by decision are not owed.
 */
export function duesClearance(standing: DuesStandingFacts, issueDay: string): { paidThrough: string | null } | UserError {
  if (standing.inGoodStanding) return { paidThrough: standing.paidThrough };
  return {
    code: 'DUES_UNPAID',
    field: 'letterVoucher',
    message:
      `Đảng viên còn nợ đảng phí trước tháng ${display(issueDay.slice(0, 7))}` +
      `${standing.paidThrough ? ` (mới đóng hết tháng ${display(standing.paidThrough)})` : ''}: chi bộ cần thu đủ trước khi cấp giấy giới thiệu.`,
  };
}

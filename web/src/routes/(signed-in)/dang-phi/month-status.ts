import type { Tone } from '#lib/labels.ts';
import type { DuesObligationStatus } from '#lib/graphql/generated/graphql.ts';

/** What became of a month's dues, as the member reads it (docs/rules/dues-standing.md#obligation-statuses). */
export const MONTH_STATUS: Record<DuesObligationStatus, { label: string; tone: Tone }> = {
  DUE: { label: 'Chưa đóng', tone: 'warning' },
  OVERDUE: { label: 'Quá hạn', tone: 'danger' },
  REDUCED: { label: 'Chưa đóng (được giảm)', tone: 'warning' },
  PAID_ONLINE: { label: 'Đã đóng trực tuyến', tone: 'good' },
  PAID_CASH: { label: 'Đã đóng tiền mặt', tone: 'good' },
  WAIVED: { label: 'Được miễn', tone: 'info' },
  DEFERRED: { label: 'Được chậm đóng', tone: 'info' },
  PREPAID: { label: 'Đã đóng trước', tone: 'good' },
};

/** The statuses of a month still owed, which can be paid (docs/rules/dues-payments.md#cash). */
const OPEN = new Set<DuesObligationStatus>(['DUE', 'OVERDUE', 'REDUCED']);

/** The months still owed, oldest first as they are paid, from months listed newest first. */
export const openMonths = <M extends { status: DuesObligationStatus }>(months: readonly M[]): M[] => months.filter((m) => OPEN.has(m.status)).reverse();

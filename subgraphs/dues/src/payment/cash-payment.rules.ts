import type { UserError } from '@dangvu/subgraph-kit';

/**
 * Statuses whose month is still to be paid (docs/rules/dues-standing.md): only these can be paid. A month deferred
 * during a temporary exemption is paid on return, or earlier if the member can (docs/rules/dues-obligations.md#temporary-exemption).
 */
export const OPEN_STATUSES = new Set(['DUE', 'OVERDUE', 'REDUCED', 'DEFERRED']);

/** More months than two years in one payment is a slip of the finger, not a payment (docs/rules/dues-payments.md). */
export const MAX_MONTHS = 24;

const error = (code: string, message: string): UserError => ({ code, field: 'months', message });
const monthName = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The months asked for, before any row is read: some, not too many, each once. */
export function checkMonthsAsked(months: readonly string[]): UserError[] {
  if (months.length === 0) return [error('MONTHS_REQUIRED', 'Hãy chọn ít nhất một tháng đảng phí cần thu.')];
  if (months.length > MAX_MONTHS) return [error('TOO_MANY_MONTHS', `Mỗi lần thu được tối đa ${MAX_MONTHS} tháng.`)];
  const repeated = months.filter((month, i) => months.indexOf(month) !== i);
  return repeated.length > 0 ? [error('DUPLICATE_MONTH', `Tháng ${monthName(repeated[0]!)} được chọn hai lần.`)] : [];
}

export interface MonthRow {
  id: string;
  /** YYYY-MM-01 */
  period: string;
  amount: string;
  status: string;
}

/** Each month asked must have an obligation still owed; otherwise what to tell the collector, month by month. */
export function checkMonthsOwed(months: readonly string[], rows: readonly MonthRow[]): UserError[] {
  return months.flatMap((month) => {
    const row = rows.find((r) => r.period.slice(0, 7) === month);
    if (!row) return [error('MONTH_NOT_OWED', `Tháng ${monthName(month)} chưa có khoản đảng phí phải đóng.`)];
    if (!OPEN_STATUSES.has(row.status)) return [error('MONTH_ALREADY_SETTLED', `Tháng ${monthName(month)} đã đóng hoặc không phải đóng, không thu lại.`)];
    return [];
  });
}

/** The months asked that lie in a month their organization has closed: no payment enters a closed month (docs/rules/dues-remittance.md#closing-a-month). */
export function closedMonthErrors(rows: readonly { orgId: string; period: string }[], closed: ReadonlySet<string>): UserError[] {
  return rows
    .filter((row) => closed.has(`${row.orgId} ${row.period}`))
    .map((row) => error('MONTH_CLOSED', `Tháng ${monthName(row.period.slice(0, 7))} đã khóa sổ, không ghi thêm khoản thu; cần điều chỉnh thì báo cấp ủy.`));
}

/** The calendar year of an instant in Vietnam, which numbers the receipt. */
export const vietnamYear = (instant: Date) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(instant));

/** The number as printed on the receipt: "0007/2026". */
export const receiptReference = (number: number, year: number) => `${String(number).padStart(4, '0')}/${year}`;

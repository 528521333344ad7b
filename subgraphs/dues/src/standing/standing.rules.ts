import { arrearsOf, ARREARS_RULE, type Arrears, type ArrearsRule } from './arrears.rules.ts';

/** A month's obligation as the standing needs it; `period` is the first day of the month, YYYY-MM-DD; `amount` in dong. */
export interface Obligation {
  period: string;
  amount: bigint;
  status: 'DUE' | 'PAID_ONLINE' | 'PAID_CASH' | 'WAIVED' | 'REDUCED' | 'DEFERRED' | 'PREPAID' | 'OVERDUE';
}

/**
 * The one definition of where a member stands with dues (docs/rules/dues-standing.md#the-standing), read by the
 * member's page, the collection sheet and, through the API, the transfer letter.
 */
export interface DuesStanding {
  paidThrough: string | null;
  /** YYYY-MM of every month of the window still owed, this month's included, oldest first. */
  openMonths: string[];
  amountOwed: bigint;
  /** The months counted against the member under Statute art. 8(2): this calendar year, before this month. */
  arrears: Arrears;
  /** Nothing owed for a month before this one: this month may still be paid until it ends. */
  inGoodStanding: boolean;
  currentMonthlyAmount: bigint | null;
}

/** Nothing more is owed for the month. A deferral is an approved delay: not paid, but not counted as unpaid. */
const SETTLED = new Set<Obligation['status']>(['PAID_ONLINE', 'PAID_CASH', 'WAIVED', 'PREPAID']);
/** Still owed: a reduction lowers the amount, it does not pay it. */
const UNPAID = new Set<Obligation['status']>(['DUE', 'OVERDUE', 'REDUCED']);

/**
 * The member's standing on `today` (YYYY-MM-DD, Vietnam's day) over the obligations of the standing's window
 * (the last twelve months, which hold every month of the calendar year), given in any order.
 */
export function duesStanding(obligations: readonly Obligation[], today: string, rule: ArrearsRule = ARREARS_RULE): DuesStanding {
  const months = [...obligations].sort((a, b) => a.period.localeCompare(b.period));
  let paidThrough: string | null = null;
  for (const month of months) {
    if (!SETTLED.has(month.status)) break;
    paidThrough = month.period.slice(0, 7);
  }
  const unpaid = months.filter((month) => UNPAID.has(month.status));
  const thisMonth = `${today.slice(0, 7)}-01`;
  return {
    paidThrough,
    openMonths: unpaid.map((month) => month.period.slice(0, 7)),
    amountOwed: unpaid.reduce((sum, month) => sum + month.amount, 0n),
    arrears: arrearsOf(months, today, rule),
    inGoodStanding: !unpaid.some((month) => month.period < thisMonth),
    currentMonthlyAmount: months.at(-1)?.amount ?? null,
  };
}

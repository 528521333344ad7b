/** A month's obligation as the standing needs it; `period` is the first day of the month, YYYY-MM-DD; `amount` in dong. */
export interface Obligation {
  period: string;
  amount: bigint;
  status: 'DUE' | 'PAID_ONLINE' | 'PAID_CASH' | 'WAIVED' | 'REDUCED' | 'DEFERRED' | 'PREPAID' | 'OVERDUE';
}

export interface DuesStanding {
  paidThrough: string | null;
  unpaidMonths: number;
  amountOwed: bigint;
  currentMonthlyAmount: bigint | null;
}

/** Nothing more is owed for the month. A deferral is an approved delay: not paid, but not counted as unpaid. */
const SETTLED = new Set<Obligation['status']>(['PAID_ONLINE', 'PAID_CASH', 'WAIVED', 'PREPAID']);
/** Still owed: a reduction lowers the amount, it does not pay it. */
const UNPAID = new Set<Obligation['status']>(['DUE', 'OVERDUE', 'REDUCED']);

/** The member's standing over the given obligations (the last twelve months), in any order. */
export function duesStanding(obligations: readonly Obligation[]): DuesStanding {
  const months = [...obligations].sort((a, b) => a.period.localeCompare(b.period));
  let paidThrough: string | null = null;
  for (const month of months) {
    if (!SETTLED.has(month.status)) break;
    paidThrough = month.period.slice(0, 7);
  }
  const unpaid = months.filter((month) => UNPAID.has(month.status));
  return {
    paidThrough,
    unpaidMonths: unpaid.length,
    amountOwed: unpaid.reduce((sum, month) => sum + month.amount, 0n),
    currentMonthlyAmount: months.at(-1)?.amount ?? null,
  };
}

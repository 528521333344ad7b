import { endOfMonth } from './deadline.ts';
import type { DuesStandingFieldsFragment } from './graphql/generated/graphql.ts';

/**
 * What a dues panel leads with: months owed, said first and in words, or else this month's deadline.
 * Owing only this month's dues before its end is not arrears: that is the countdown.
 */
export type DuesSituation = { kind: 'arrears'; months: number; owed: string } | { kind: 'this-month'; due: string; done: boolean };

/** YYYY-MM of the month before `month`. */
function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 2, 1)).toISOString().slice(0, 7);
}

export function duesSituation(standing: DuesStandingFieldsFragment, today: string): DuesSituation {
  const thisMonth = today.slice(0, 7);
  const onlyThisMonth = standing.unpaidMonths === 1 && standing.paidThrough === previousMonth(thisMonth);
  if (standing.unpaidMonths > 0 && !onlyThisMonth) return { kind: 'arrears', months: standing.unpaidMonths, owed: standing.amountOwed };
  return { kind: 'this-month', due: endOfMonth(today), done: (standing.paidThrough ?? '') >= thisMonth };
}

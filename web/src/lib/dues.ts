import { endOfMonth } from './deadline.ts';
import type { DuesStandingFieldsFragment } from './graphql/generated/graphql.ts';

/**
 * What a dues panel leads with: months owed, said first and in words, or else this month's deadline.
 * Whether the member owes a past month is the dues standing's own answer (`inGoodStanding`,
 * docs/rules/dues-standing.md#the-standing): owing only this month's dues before its end is the countdown.
 */
export type DuesSituation = { kind: 'arrears'; months: number; owed: string } | { kind: 'this-month'; due: string; done: boolean };

type Standing = Pick<DuesStandingFieldsFragment, 'paidThrough' | 'openMonths' | 'amountOwed' | 'inGoodStanding'>;

export function duesSituation(standing: Standing, today: string): DuesSituation {
  if (!standing.inGoodStanding) return { kind: 'arrears', months: standing.openMonths.length, owed: standing.amountOwed };
  return { kind: 'this-month', due: endOfMonth(today), done: (standing.paidThrough ?? '') >= today.slice(0, 7) };
}

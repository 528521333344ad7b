import { daysUntil, endOfMonth } from './deadline.ts';
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

/** The reminder on the member's page near the month's end (docs/rules/dues-standing.md#reminders). */
export interface DuesReminder {
  /** YYYY-MM: today's month, still unpaid. */
  month: string;
  /** Days left after today until the month's last day; 0 on the last day. */
  daysLeft: number;
  /** The count of unpaid months of the year when it reached a warning (art. 8(2)), else null. */
  arrears: { unpaidMonths: number; level: 'WARNING' | 'FOR_CONSIDERATION' } | null;
}

type ReminderStanding = Pick<DuesStandingFieldsFragment, 'openMonths' | 'arrears'>;

/**
 * A reminder in the last `windowDays` days of the month (the last day included), when this month's dues are still
 * open; the standing's arrears warning goes with it. Null otherwise: nothing to remind of, or not yet the month's end.
 */
export function duesReminder(standing: ReminderStanding, today: string, windowDays: number): DuesReminder | null {
  const month = today.slice(0, 7);
  const daysLeft = daysUntil(endOfMonth(today), today);
  if (daysLeft >= windowDays || !standing.openMonths.includes(month)) return null;
  const { level, unpaidMonths } = standing.arrears;
  return { month, daysLeft, arrears: level === 'NONE' ? null : { unpaidMonths: unpaidMonths.length, level } };
}

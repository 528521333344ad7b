import { isAuthenticated, isPerson } from '@dangvu/subgraph-kit';
import { allow, and } from 'graphql-shield';
import { policy } from './policy.ts';

/** The yearly schedule's upkeep: exact on the caller, who is the whole subject. */
const manageCalendar = and(isPerson, policy.rule('MANAGE_CALENDAR', () => undefined));

export const rules = {
  Query: {
    // The calendar is public knowledge: any signed-in person or partner system may count with it.
    addWorkingDays: isAuthenticated,
    workingDaysBetween: isAuthenticated,
    calendarAdjustments: isAuthenticated,
  },
  Mutation: {
    setCalendarAdjustment: manageCalendar,
    removeCalendarAdjustment: manageCalendar,
  },
  Member: {
    id: allow,
    orgPath: allow,
    transfers: policy.rule('SEE_TRANSFERS', (member) => member as { id: string; orgPath?: string }),
  },
  // Reached only through Member.transfers; Organization here is a reference the organization subgraph resolves.
  Transfer: allow,
  Organization: allow,
  // Reached only through the guarded operations above.
  CalendarAdjustment: allow,
  CalendarAdjustmentPayload: allow,
  UserError: allow,
};

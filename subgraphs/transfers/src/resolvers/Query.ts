import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  addWorkingDays: (_, { from, days }, context) => context.calendar.addWorkingDays(from, days),
  workingDaysBetween: (_, { from, to }, context) => context.calendar.workingDaysBetween(from, to),
  calendarAdjustments: (_, { year }, context) => context.calendar.adjustmentsOfYear(year),
  transfer: (_, { id }, context) => context.reads.byId(id),
  transferByCode: (_, { code }, context) => context.reads.byCode(code),
};

import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  setCalendarAdjustment: (_, { input }, context) => context.calendar.set(input),
  removeCalendarAdjustment: (_, { input }, context) => context.calendar.remove(input.day),
};

import type { DuesStandingResolvers } from '../generated/resolvers.ts';

export const DuesStanding: DuesStandingResolvers = {
  unpaidMonths: (standing) => standing.arrears.unpaidMonths.length,
};

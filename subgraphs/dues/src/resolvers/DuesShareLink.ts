import type { DuesShareLinkResolvers } from '../generated/resolvers.ts';

export const DuesShareLink: DuesShareLinkResolvers = {
  months: (link) => link.months.map((period) => period.slice(0, 7)),
};

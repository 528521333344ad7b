import type { Resolvers } from '../generated/resolvers.ts';

export const MonthlyReport: Resolvers['MonthlyReport'] = {
  organization: async (report, _, context) => (await context.loaders.byId.load(report.orgId))!,
};

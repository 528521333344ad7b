import { checkedMonth } from '@dangvu/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => reference,
  duesCollection: (organization, _, context) => context.payments.payersIn(organization.id),
  duesMonthlyFigures: (organization, { month }, context) => context.figures.load(`${checkedMonth(month, context.now())}|${organization.path!}`),
};

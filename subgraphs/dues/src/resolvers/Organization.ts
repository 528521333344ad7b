import { checkedMonth, vietnamDay } from '@dangvu/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers.ts';
import { previousMonth } from '../remittance/month-close.rules.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => reference,
  duesCollection: (organization, _, context) => context.payments.payersIn(organization.id),
  duesWageRegion: (organization, _, context) => context.wageRegions.of(organization.id),
  duesMonthCloses: (organization, { month }, context) => context.monthCloses.inSubtree(organization.path!, month ?? previousMonth(vietnamDay(new Date()))),
  duesRemittancesReceived: (organization, { state }, context) => context.remittances.received(organization.id, state ?? null),
  duesVoluntaryAmounts: (organization, { state }, context) => context.voluntaryAmounts.inSubtree(organization.path!, state ?? null),
  duesMonthlyFigures: (organization, { month }, context) => context.figures.load(`${checkedMonth(month, context.now())}|${organization.path!}`),
  duesPaymentExceptions: (organization, { includeResolved }, context) => context.bankStatements.exceptionsOf(organization.path!, includeResolved ?? false),
};

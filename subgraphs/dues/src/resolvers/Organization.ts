import type { OrganizationResolvers } from '../generated/resolvers.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => reference,
  duesCollection: (organization, _, context) => context.payments.payersIn(organization.id),
  duesWageRegion: (organization, _, context) => context.wageRegions.of(organization.id),
};

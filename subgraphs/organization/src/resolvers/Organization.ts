import { isAccountEligible } from '../bank-account/bank-account.rules.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { statuteSizeWarnings } from '../organization/statute-sizes.rules.ts';

export const Organization: Resolvers['Organization'] = {
  // Referred to by another subgraph (a member's own cell), an organization is resolved as it is: hiding it there would null the record around it.
  __resolveReference: (reference, context) => context.loaders.byId.load(reference.id),
  parent: (organization, _, context) => context.reads.parentOf(organization),
  children: (organization, _, context) => context.reads.childrenOf(organization),
  history: (organization, _, context) => context.loaders.history.load(organization.id),
  bankAccount: (organization, _, context) => context.loaders.bankAccount.load(organization.id),
  inRolloutScope: async (organization, _, context) => (await context.reads.rolloutOf(organization)).inScope,
  rollout: (organization, _, context) => context.reads.rolloutOf(organization),
  async sizeWarnings(organization, _, context) {
    const size = await context.loaders.sizes.load(organization.id);
    return statuteSizeWarnings(organization.type, size?.members ?? 0, size?.subtreeMembers ?? 0);
  },
  accountEligible: (organization) => isAccountEligible(organization.type),
  bankAccountCoverage: async (organization, _, context) => {
    const path = organization.currentPath ?? organization.path;
    return (await context.loaders.accountCoverage.load(path)) ?? { path, eligible: 0, covered: 0 };
  },
  viewerCan: (organization, _, context) => context.reads.subjectOf(organization),
  monthlyReport: (organization, { month }, context) => context.reports.of(organization, month),
  subordinateReports: async (organization, { month }, context) => context.reports.subordinates(await context.reads.childrenOf(organization), month),
};

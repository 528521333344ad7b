import type { OrganizationContext } from '../context.ts';
import type { OrganizationAsOf } from '../organization/as-of.ts';
import { isAccountEligible } from '../bank-account/bank-account.rules.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { statuteSizeWarnings } from '../organization/statute-sizes.rules.ts';

/** Read on a past day, the readiness figures still concern the organization's subtree as it stands today. */
const coverageOf = (organization: OrganizationAsOf, context: OrganizationContext) => context.loaders.coverage.load(organization.currentPath ?? organization.path);

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
  async bankAccountCoverage(organization, _, context) {
    const coverage = await coverageOf(organization, context);
    return { eligible: coverage?.eligible ?? 0, covered: coverage?.covered ?? 0 };
  },
  async typeClassification(organization, _, context) {
    const coverage = await coverageOf(organization, context);
    return { eligible: coverage?.organizations ?? 0, covered: coverage?.classified ?? 0 };
  },
  viewerCan: (organization, _, context) => context.reads.subjectOf(organization),
  monthlyReport: (organization, { month }, context) => context.reports.of(organization, month),
  subordinateReports: async (organization, { month }, context) => context.reports.subordinates(await context.reads.childrenOf(organization), month),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const Organization: Resolvers['Organization'] = {
  // Referred to by another subgraph (a member's own cell), an organization is resolved as it is: hiding it there would null the record around it.
  __resolveReference: (reference, context) => context.loaders.byId.load(reference.id),
  parent: (organization, _, context) => context.reads.parentOf(organization),
  children: (organization, _, context) => context.reads.childrenOf(organization),
  history: (organization, _, context) => context.loaders.history.load(organization.id),
  bankAccount: (organization, _, context) => context.loaders.bankAccount.load(organization.id),
  viewerCan: (organization, _, context) => context.reads.subjectOf(organization),
};

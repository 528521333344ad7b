import type { Resolvers } from '../generated/resolvers.ts';

export const Organization: Resolvers['Organization'] = {
  __resolveReference: (reference, context) => context.reads.reference(reference.id),
  parent: (organization, _, context) => context.reads.parentOf(organization),
  children: (organization, _, context) => context.reads.childrenOf(organization),
  history: (organization, _, context) => context.loaders.history.load(organization.id),
  bankAccount: (organization, _, context) => context.loaders.bankAccount.load(organization.id),
  viewerCan: (organization, _, context) => context.reads.subjectOf(organization),
};

import type { TransferResolvers } from '../generated/resolvers.ts';

const organization = (id: string) => ({ __typename: 'Organization' as const, id });

export const Transfer: TransferResolvers = {
  fromOrganization: (transfer) => organization(transfer.fromOrgId),
  toOrganization: (transfer) => (transfer.toOrgId ? organization(transfer.toOrgId) : null),
  createdAt: (transfer) => transfer.createdAt.toISOString(),
};

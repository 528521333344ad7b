import type { TransferRow } from '../transfer/transfer.repository.ts';

const organization = (id: string) => ({ __typename: 'Organization', id });

export const Transfer = {
  fromOrganization: (transfer: TransferRow) => organization(transfer.fromOrgId),
  toOrganization: (transfer: TransferRow) => (transfer.toOrgId ? organization(transfer.toOrgId) : null),
  createdAt: (transfer: TransferRow) => transfer.createdAt.toISOString(),
};

import type { TransferDestinationResolvers } from '../generated/resolvers.ts';

/** A dossier's destination: a cell in the system, or an organization outside it named with its address. */
export const TransferDestination: TransferDestinationResolvers = {
  inSystem: (transfer) => transfer.toOrgId !== null,
  organization: (transfer) => (transfer.toOrgId ? { __typename: 'Organization' as const, id: transfer.toOrgId } : null),
  name: (transfer) => transfer.destinationName ?? transfer.outsideName,
  address: (transfer) => transfer.outsideAddress,
};

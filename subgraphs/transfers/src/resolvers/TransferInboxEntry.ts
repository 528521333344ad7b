import type { TransferInboxEntryResolvers } from '../generated/resolvers.ts';

export const TransferInboxEntry: TransferInboxEntryResolvers = {
  transfer: (entry) => entry.transfer,
  reason: (entry) => entry.reason,
  escalatedOn: (entry) => (entry.reason === 'ESCALATED' ? entry.transfer.escalatedOn : null),
};

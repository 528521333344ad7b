import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  setCalendarAdjustment: (_, { input }, context) => context.calendar.set(input),
  removeCalendarAdjustment: (_, { input }, context) => context.calendar.remove(input.day),
  startTransfer: (_, { input }, context) => context.transfers.start(input),
  submitTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'SUBMIT' }),
  cancelTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'CANCEL' }),
  reviewTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'REVIEW' }),
  returnTransferForCompletion: (_, { input }, context) => context.transfers.act({ ...input, action: 'RETURN_FOR_COMPLETION' }),
  rejectTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'REJECT' }),
  issueTransferLetter: (_, { input }, context) => context.transfers.issueLetter(input),
  handOverTransferDossier: (_, { input }, context) => context.transfers.act({ ...input, action: 'HAND_OVER' }),
  replaceLostTransferLetter: (_, { input }, context) => context.transfers.replaceLostLetter(input),
  receiveTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'RECEIVE' }),
  checkTransferDossierItems: (_, { input }, context) => context.transfers.checkItems(input),
  acceptTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'ACCEPT' }),
  refuseTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'REFUSE' }),
  recordExternalReceipt: (_, { input }, context) => context.transfers.act({ ...input, action: 'RECORD_EXTERNAL_RECEIPT' }),
  extendTemporaryTransfer: (_, { input }, context) => context.transfers.extend(input),
  endTemporaryTransfer: (_, { input }, context) => context.transfers.act({ ...input, action: 'END' }),
  recordTransferHandover: (_, { input }, context) => context.transfers.recordHandover(input),
};

import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  recordCashPayment: (_, { input }, context) => context.payments.record(input),
  preparePayment: (_, { input }, context) => context.qrPayments.prepare(input),
  setWageRegion: (_, { input }, context) => context.wageRegions.set(input),
  decideDuesRelief: (_, { input }, context) => context.reliefs.decide(input),
  closeDuesMonth: (_, { input }, context) => context.monthCloses.close(input),
  // Shared payment links (docs/rules/dues-payments.md#a-shared-link).
  createDuesShareLink: (_, { input }, context) => context.shareLinks.create(input),
  revokeDuesShareLink: (_, { input }, context) => context.shareLinks.revoke(input.linkId),
  // Bank reconciliation (docs/rules/dues-payments.md#bank-statements).
  startBankStatementUpload: (_, { input }, context) => context.bankStatements.startUpload(input),
  importBankStatement: (_, { input }, context) => context.bankStatements.importStatement(input),
  resolveDuesPaymentException: async (_, { input: { action, ...input } }, context) => {
    const { exception, receiptId, userErrors } = await context.exceptionResolutions.resolve({ ...input, resolution: action });
    return { exception, receipt: receiptId ? await context.bankStatements.receipt(receiptId) : null, userErrors };
  },
  createPaymentNotificationKey: (_, { input }, context) => context.notificationKeys.create(input),
  submitDuesRemittance: (_, { input }, context) => context.remittances.submit(input),
  confirmDuesRemittance: (_, { input }, context) => context.remittances.confirm(input),
  rejectDuesRemittance: (_, { input }, context) => context.remittances.reject(input),
  recordDuesAdjustment: (_, { input }, context) => context.adjustments.record(input),
  proposeVoluntaryDues: (_, { input }, context) => context.voluntaryAmounts.propose(input),
  decideVoluntaryDues: (_, { input }, context) => context.voluntaryAmounts.decide(input),
};

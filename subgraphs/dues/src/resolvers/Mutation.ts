import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  recordCashPayment: (_, { input }, context) => context.payments.record(input),
  preparePayment: (_, { input }, context) => context.qrPayments.prepare(input),
  setWageRegion: (_, { input }, context) => context.wageRegions.set(input),
  decideDuesRelief: (_, { input }, context) => context.reliefs.decide(input),
  closeDuesMonth: (_, { input }, context) => context.monthCloses.close(input),
  submitDuesRemittance: (_, { input }, context) => context.remittances.submit(input),
  confirmDuesRemittance: (_, { input }, context) => context.remittances.confirm(input),
  rejectDuesRemittance: (_, { input }, context) => context.remittances.reject(input),
  recordDuesAdjustment: (_, { input }, context) => context.adjustments.record(input),
  proposeVoluntaryDues: (_, { input }, context) => context.voluntaryAmounts.propose(input),
  decideVoluntaryDues: (_, { input }, context) => context.voluntaryAmounts.decide(input),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const Mutation: Resolvers['Mutation'] = {
  createOrganization: (_, { input }, context) => context.tree.create(input),
  renameOrganization: (_, { input }, context) => context.tree.rename(input),
  moveOrganization: (_, { input }, context) => context.tree.move(input),
  reclassifyOrganization: (_, { input }, context) => context.tree.reclassify(input),
  confirmOrganizationType: (_, { input }, context) => context.tree.confirmType(input),
  setRolloutStage: (_, { input }, context) => context.tree.setRolloutStage(input),
  setRolloutScope: (_, { input }, context) => context.tree.setRolloutScope(input),
  setAdministrativeUnit: (_, { input }, context) => context.tree.setAdministrativeUnit(input),
  dissolveOrganization: (_, { input }, context) => context.tree.dissolve(input),
  setBankAccount: (_, { input }, context) => context.bankAccounts.set(input),
  submitMonthlyReport: (_, { input }, context) => context.reports.submit(input),
  recordReportExport: (_, { input }, context) => context.reports.recordExport(input),
};

import type { DuesVoluntaryAmountResolvers } from '../generated/resolvers.ts';

export const DuesVoluntaryAmount: DuesVoluntaryAmountResolvers = {
  member: (row) => ({ id: row.memberId, orgPath: row.orgPath }),
  organization: (row) => ({ id: row.orgId, path: row.orgPath }),
  decidedBy: (row) => ({ id: row.deciderOrgId }),
  amount: (row) => BigInt(row.amount),
  fromMonth: (row) => row.fromMonth.slice(0, 7),
  viewerCanDecide: (row, _, context) => context.voluntaryAmounts.canDecide(row),
};

import type { DuesRemittanceResolvers } from '../generated/resolvers.ts';
import { superiorOf } from '../remittance/remittance.rules.ts';

export const DuesRemittance: DuesRemittanceResolvers = {
  organization: (row) => ({ id: row.orgId }),
  superior: (row) => ({ id: row.superiorOrgId, path: superiorOf(row.orgPath)?.path }),
  month: (row) => row.period.slice(0, 7),
  amount: (row) => BigInt(row.amount),
  amountFromClose: (row) => BigInt(row.amountFromClose),
  amountFromAdjustments: (row) => BigInt(row.amountFromAdjustments),
  viewerCanDecide: (row, _, context) => context.remittances.canDecide(row),
};

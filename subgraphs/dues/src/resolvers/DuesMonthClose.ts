import type { DuesMonthCloseResolvers } from '../generated/resolvers.ts';
import { monthKey } from '../remittance/remittance.loaders.ts';

export const DuesMonthClose: DuesMonthCloseResolvers = {
  organization: (close) => ({ id: close.orgId }),
  month: (close) => close.period.slice(0, 7),
  amountDue: (close) => BigInt(close.amountDue),
  amountCollected: (close) => BigInt(close.amountCollected),
  amountKept: (close) => BigInt(close.amountKept),
  amountRemitted: (close) => BigInt(close.amountRemitted),
  adjustments: (close, _, context) => context.remittanceLoaders.adjustments.load(monthKey(close)),
  amountAdjusted: async (close, _, context) => (await context.remittanceLoaders.adjustments.load(monthKey(close))).reduce((sum, adjustment) => sum + BigInt(adjustment.amount), 0n),
  remittance: (close, _, context) => context.remittanceLoaders.remittance.load(monthKey(close)),
};

import type { DuesMonthCloseResolvers } from '../generated/resolvers.ts';

export const DuesMonthClose: DuesMonthCloseResolvers = {
  organization: (close) => ({ id: close.orgId }),
  month: (close) => close.period.slice(0, 7),
  amountDue: (close) => BigInt(close.amountDue),
  amountCollected: (close) => BigInt(close.amountCollected),
  amountKept: (close) => BigInt(close.amountKept),
  amountRemitted: (close) => BigInt(close.amountRemitted),
};

import type { DuesMonthAdjustmentResolvers } from '../generated/resolvers.ts';

export const DuesMonthAdjustment: DuesMonthAdjustmentResolvers = {
  month: (row) => row.period.slice(0, 7),
  amount: (row) => BigInt(row.amount),
  amountKept: (row) => BigInt(row.amountKept),
  amountRemitted: (row) => BigInt(row.amountRemitted),
  carried: (row) => row.carriedBy !== null,
};

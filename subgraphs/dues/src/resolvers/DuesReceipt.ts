import type { DuesReceiptResolvers } from '../generated/resolvers.ts';
import { receiptReference } from '../payment/cash-payment.rules.ts';

export const DuesReceipt: DuesReceiptResolvers = {
  reference: (receipt) => receiptReference(receipt.number, receipt.year),
  collectedBy: (receipt) => ({ id: receipt.orgId }),
  member: (receipt) => ({ id: receipt.memberId }),
  amount: (receipt) => BigInt(receipt.amount),
  months: (receipt) => receipt.months.map((period) => period.slice(0, 7)),
};

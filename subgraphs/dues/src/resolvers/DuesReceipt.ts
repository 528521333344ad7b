import type { DuesReceiptResolvers } from '../generated/resolvers.ts';
import { receiptReference } from '../payment/cash-payment.rules.ts';
import type { ReceiptNames } from '../receipt/receipt.service.ts';

export const DuesReceipt: DuesReceiptResolvers = {
  // Shield does not wrap references: the service answers only what the caller may see.
  __resolveReference: async (reference, context) => {
    const receipt = await context.receipts.visible(reference.id);
    return receipt ? { ...receipt, ...(reference as ReceiptNames) } : null;
  },
  reference: (receipt) => receiptReference(receipt.number, receipt.year),
  collectedBy: (receipt) => ({ id: receipt.orgId }),
  member: (receipt) => ({ id: receipt.memberId }),
  amount: (receipt) => BigInt(receipt.amount),
  months: (receipt) => receipt.months.map((period) => period.slice(0, 7)),
  pdf: (receipt, _, context) => context.receipts.pdf(receipt, receipt),
};

import type { DuesQrPaymentResolvers } from '../generated/resolvers.ts';
import { paymentMemo } from '../payment/qr-payment.rules.ts';
import { vietQrPayload } from '../payment/vietqr.rules.ts';

export const DuesQrPayment: DuesQrPaymentResolvers = {
  amount: (payment) => BigInt(payment.amount),
  memo: (payment) => paymentMemo(payment.code),
  qrPayload: (payment) =>
    vietQrPayload({ bankBin: payment.bankBin, accountNumber: payment.accountNumber, amount: BigInt(payment.amount), memo: paymentMemo(payment.code) }),
  months: (payment) => payment.months.map((period) => period.slice(0, 7)),
  member: (payment) => ({ id: payment.memberId }),
  collectedBy: (payment) => ({ id: payment.collectingOrgId }),
};

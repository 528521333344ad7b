import type { DuesQrPaymentResolvers } from '../generated/resolvers.ts';
import { paymentMemo } from '../payment/qr-payment.rules.ts';
import type { QrPaymentRow } from '../payment/qr-payment.repository.ts';
import { vietQrPayload } from '../payment/vietqr.rules.ts';

/** What any view of a QR payment shows of it: the member's own, and a shared link's. */
export const qrPaymentFields = {
  amount: (payment: QrPaymentRow) => BigInt(payment.amount),
  memo: (payment: QrPaymentRow) => paymentMemo(payment.code),
  qrPayload: (payment: QrPaymentRow) =>
    vietQrPayload({ bankBin: payment.bankBin, accountNumber: payment.accountNumber, amount: BigInt(payment.amount), memo: paymentMemo(payment.code) }),
  months: (payment: QrPaymentRow) => payment.months.map((period) => period.slice(0, 7)),
};

export const DuesQrPayment: DuesQrPaymentResolvers = {
  ...qrPaymentFields,
  member: (payment) => ({ id: payment.memberId }),
  collectedBy: (payment) => ({ id: payment.collectingOrgId }),
};

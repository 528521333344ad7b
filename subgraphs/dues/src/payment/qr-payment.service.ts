import { randomBytes } from 'node:crypto';
import type { RequestContext, UserError } from '@dangvu/subgraph-kit';
import type { DuesStore } from '../repositories.ts';
import { reachablePayer } from './cash-payment.service.ts';
import { checkMonthsAsked, checkMonthsOwed, closedMonthErrors } from './cash-payment.rules.ts';
import { monthsKey, paymentCode } from './qr-payment.rules.ts';
import type { QrPaymentRow } from './qr-payment.repository.ts';

export interface PreparePaymentInput {
  memberId: string;
  /** YYYY-MM */
  months: readonly string[];
}

export type PreparePaymentResult = { payment: QrPaymentRow; userErrors: [] } | { payment: null; userErrors: UserError[] };

const NO_ACCOUNT: UserError = {
  code: 'NO_COLLECTION_ACCOUNT',
  field: 'memberId',
  message: 'Tổ chức đảng thu đảng phí của đảng viên chưa đăng ký tài khoản ngân hàng, nên chưa thể đóng bằng mã QR. Hãy đóng tiền mặt cho chi bộ, hoặc đề nghị chi bộ đăng ký tài khoản.',
};

/**
 * docs/rules/dues-payments.md#paying-by-qr: a payment of a member's open months to the account of the
 * organization that collects them, with the code its memo carries; preparing the same months again gives
 * the same payment while nothing about it changed.
 */
export function qrPayments(store: DuesStore, context: RequestContext) {
  return {
    async prepare(input: PreparePaymentInput): Promise<PreparePaymentResult> {
      const payer = await reachablePayer(store, context, 'PREPARE_DUES_PAYMENT', input.memberId);
      const asked = checkMonthsAsked(input.months);
      if (asked.length > 0) return { payment: null, userErrors: asked };
      const periods = [...input.months].sort().map((month) => `${month}-01`);
      return store.transaction(async (repos) => {
        // Locked in month order, as a cash payment locks them: the same payment asked many times at once is made once.
        const rows = await repos.payments.lockMonths(input.memberId, periods);
        const owed = checkMonthsOwed(input.months, rows);
        if (owed.length > 0) return { payment: null, userErrors: owed };
        const closed = closedMonthErrors(rows, await repos.monthCloses.closedAmong(rows));
        if (closed.length > 0) return { payment: null, userErrors: closed };
        const account = await repos.qrPayments.accountOnPath(payer.orgPath);
        if (!account) return { payment: null, userErrors: [NO_ACCOUNT] };
        const amount = rows.reduce((sum, row) => sum + BigInt(row.amount), 0n);
        const key = monthsKey(periods);
        const open = await repos.qrPayments.open(input.memberId, key);
        const unchanged = open && BigInt(open.amount) === amount && open.bankBin === account.bankBin && open.accountNumber === account.accountNumber;
        if (unchanged) return { payment: open, userErrors: [] };
        // The amount (a decision since) or the account changed: the old QR would pay the wrong sum or place.
        if (open) await repos.qrPayments.supersede(open.id);
        const payment = await repos.qrPayments.insert({
          code: paymentCode(randomBytes(8)),
          memberId: input.memberId,
          months: periods,
          monthsKey: key,
          amount,
          collectingOrgId: account.orgId,
          bankBin: account.bankBin,
          accountNumber: account.accountNumber,
          holderName: account.holderName,
          preparedBy: context.identity.personId,
        });
        return { payment, userErrors: [] };
      });
    },
  };
}

export type QrPayments = ReturnType<typeof qrPayments>;

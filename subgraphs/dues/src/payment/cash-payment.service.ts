import { auditor, forbidden, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { ReceiptRow } from './payment.repository.ts';
import { checkMonthsAsked, checkMonthsOwed, closedMonthErrors, vietnamYear } from './cash-payment.rules.ts';

export interface CashPaymentInput {
  memberId: string;
  /** YYYY-MM */
  months: readonly string[];
}

export type CashPaymentResult = { receipt: ReceiptRow; userErrors: [] } | { receipt: null; userErrors: UserError[] };

/**
 * The payer a payment is for, once the caller may `ability` on them. A member the roll does not know is refused
 * like one out of reach: saying so would tell an outsider who exists.
 */
export async function reachablePayer(store: DuesStore, context: RequestContext, ability: 'RECORD_CASH_PAYMENT' | 'PREPARE_DUES_PAYMENT', memberId: string) {
  // A malformed id would reach SQL as a uuid and fail there (found by the property test).
  const payer = await store.repos.payments.payer(parseId(memberId));
  // Unknown to the roll: nobody reaches them, and saying so would tell an outsider who exists.
  if (!payer) throw forbidden();
  policy.assert(context.identity, ability, { id: memberId, orgPath: payer.orgPath });
  return payer;
}

/** docs/rules/dues-payments.md#cash: the cell's officer takes the money and the member gets a numbered receipt. */
export function cashPayments(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    /** The payers of an organization's collection sheet, as member references (the shield decided on the organization). */
    payersIn: async (orgId: string) =>
      (await store.repos.payments.payersIn(orgId)).map((payer) => ({ member: { id: payer.memberId, orgPath: payer.orgPath } })),

    async record(input: CashPaymentInput): Promise<CashPaymentResult> {
      const payer = await reachablePayer(store, context, 'RECORD_CASH_PAYMENT', input.memberId);
      const asked = checkMonthsAsked(input.months);
      if (asked.length > 0) return { receipt: null, userErrors: asked };
      const months = [...input.months].sort();
      return store.transaction(async (repos) => {
        const rows = await repos.payments.lockMonths(input.memberId, months.map((month) => `${month}-01`));
        const owed = checkMonthsOwed(months, rows);
        if (owed.length > 0) return { receipt: null, userErrors: owed };
        const closed = closedMonthErrors(rows, await repos.monthCloses.closedAmong(rows));
        if (closed.length > 0) return { receipt: null, userErrors: closed };
        const receivedAt = new Date();
        const year = vietnamYear(receivedAt);
        const number = await repos.payments.nextReceiptNumber(payer.orgId, year);
        const amount = rows.reduce((sum, row) => sum + BigInt(row.amount), 0n);
        const receipt = await repos.payments.insertReceipt({
          orgId: payer.orgId,
          year,
          number,
          memberId: input.memberId,
          amount,
          months: rows.map((row) => row.period),
          method: 'PAID_CASH',
          receivedBy: context.identity.personId,
          receivedAt,
        });
        await repos.payments.markPaid(
          rows.map((row) => row.id),
          receipt.id,
          'PAID_CASH',
          receivedAt,
        );
        await audit(repos.audit, {
          action: 'dues.cashPaymentRecorded',
          entityType: 'DuesReceipt',
          entityId: receipt.id,
          after: { number, year, amount: amount.toString(), months },
          orgPath: payer.orgPath,
          subjectMemberId: input.memberId,
        });
        return { receipt, userErrors: [] };
      });
    },
  };
}

export type CashPayments = ReturnType<typeof cashPayments>;

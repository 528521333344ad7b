import { auditor, forbidden, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { checkMonthsAsked, checkMonthsOwed, closedMonthErrors } from '../payment/cash-payment.rules.ts';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { ExceptionWithLine } from './bank-reconciliation.repository.ts';
import { payOnline } from './reconciliation.ts';

export type ExceptionResolution = 'APPLY_TO_MONTHS' | 'REFUNDED' | 'NOT_DUES';

export interface ResolveExceptionInput {
  exceptionId: string;
  resolution: ExceptionResolution;
  reason: string;
  /** For APPLY_TO_MONTHS: whose months, and which (YYYY-MM). */
  memberId?: string | null;
  months?: readonly string[] | null;
}

export type ResolveExceptionResult = { exception: ExceptionWithLine | null; receiptId: string | null; userErrors: UserError[] };

const MAX_REASON = 500;
const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });
const refused = (userErrors: UserError[]): ResolveExceptionResult => ({ exception: null, receiptId: null, userErrors });
const dong = (amount: bigint) => `${amount.toLocaleString('vi-VN')} đ`;

/**
 * docs/rules/dues-payments.md#the-exception-queue: the finance member resolves each exception once, with a
 * reason: the money applied to named months of a member (exactly their amount, as a matched line would have
 * paid them), returned to the payer, or set aside as not dues.
 */
export function exceptionResolutions(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    async resolve(input: ResolveExceptionInput): Promise<ResolveExceptionResult> {
      const id = parseId(input.exceptionId);
      const reason = input.reason.trim();
      const reasonErrors = reason.length === 0
        ? [error('REASON_REQUIRED', 'reason', 'Ghi rõ lý do xử lý khoản này.')]
        : reason.length > MAX_REASON ? [error('REASON_TOO_LONG', 'reason', `Lý do tối đa ${MAX_REASON} ký tự.`)] : [];
      return store.transaction(async (repos) => {
        // Locked: of fifty resolutions at once, one finds it open.
        const found = await repos.bankReconciliation.exceptionForUpdate(id);
        if (!found) throw forbidden();
        const { exception, line } = found;
        policy.assert(context.identity, 'RECONCILE_BANK_PAYMENTS', { id: exception.orgId, path: exception.orgPath });
        if (exception.resolution) return refused([error('ALREADY_RESOLVED', 'exceptionId', 'Khoản này đã được xử lý rồi.')]);
        if (reasonErrors.length > 0) return refused(reasonErrors);
        let receiptId: string | null = null;
        let details: unknown = null;
        if (input.resolution === 'APPLY_TO_MONTHS') {
          if (!input.memberId) return refused([error('MEMBER_REQUIRED', 'memberId', 'Chọn đảng viên được ghi nhận khoản tiền này.')]);
          const memberId = parseId(input.memberId);
          const months = input.months ?? [];
          const payer = await repos.payments.payer(memberId);
          // Outside the organization whose account got the money (or unknown): not this queue's to apply.
          if (!payer || !payer.orgPath.startsWith(exception.orgPath)) return refused([error('MEMBER_NOT_IN_ORGANIZATION', 'memberId', 'Đảng viên này không đóng đảng phí tại tổ chức nhận khoản tiền.')]);
          policy.assert(context.identity, 'APPLY_BANK_PAYMENT', { id: memberId, orgPath: payer.orgPath });
          const asked = checkMonthsAsked(months);
          if (asked.length > 0) return refused(asked);
          const sorted = [...months].sort();
          const rows = await repos.payments.lockMonths(memberId, sorted.map((month) => `${month}-01`));
          const owed = [...checkMonthsOwed(sorted, rows), ...closedMonthErrors(rows, await repos.monthCloses.closedAmong(rows))];
          if (owed.length > 0) return refused(owed);
          const due = rows.reduce((sum, row) => sum + BigInt(row.amount), 0n);
          const amount = BigInt(line.amount);
          if (due !== amount) {
            return refused([error('AMOUNT_MISMATCH', 'months', `Khoản tiền ${dong(amount)} khác số phải đóng của các tháng đã chọn (${dong(due)}): chọn đúng các tháng, hoặc hoàn trả khoản tiền.`)]);
          }
          const account = { orgId: exception.orgId, orgPath: exception.orgPath, accountNumber: line.accountNumber };
          const paid = await payOnline(repos, account, [{ transactionId: line.id, memberId, obligations: rows.map((row) => ({ id: row.id, period: row.period, amount: BigInt(row.amount) })) }], new Date());
          receiptId = paid.receiptIds[0]!;
          details = { memberId, months: sorted };
          await audit(repos.audit, ...paid.facts);
        }
        const resolution = input.resolution === 'APPLY_TO_MONTHS' ? 'APPLIED' : input.resolution;
        const resolved = await repos.bankReconciliation.resolveException(id, { resolution, reason, details, receiptId, resolvedBy: context.identity.personId });
        await audit(repos.audit, {
          action: 'dues.paymentExceptionResolved',
          entityType: 'DuesPaymentException',
          entityId: id,
          orgPath: exception.orgPath,
          subjectMemberId: input.resolution === 'APPLY_TO_MONTHS' ? parseId(input.memberId!) : exception.memberId,
          before: { kind: exception.kind, amount: String(line.amount), reference: line.reference },
          after: { resolution, reason, details },
        });
        return { exception: { exception: resolved!, line }, receiptId, userErrors: [] };
      });
    },
  };
}

export type ExceptionResolutions = ReturnType<typeof exceptionResolutions>;

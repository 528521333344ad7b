import type { UserError } from '@dangvu/subgraph-kit';
import { split } from './month-close.rules.ts';

/** The longest reference, reason or note kept: a paragraph, not a document. */
export const MAX_TEXT = 500;

const error = (code: string, field: string, message: string): UserError => ({ code, field, message });

/** The immediate superior of the organization at `path` (`/a/b/c/`): its id and path; null for a root. */
export function superiorOf(path: string): { orgId: string; path: string } | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length > 1 ? { orgId: ids.at(-2)!, path: `/${ids.slice(0, -1).join('/')}/` } : null;
}

/** A required text: trimmed, present and at most MAX_TEXT characters; else the error for `field` (`code` when missing). */
export function textError(value: string, field: string, code: string, missing: string): UserError | null {
  const text = value.trim();
  if (!text) return error(code, field, missing);
  if (text.length > MAX_TEXT) return error('TEXT_TOO_LONG', field, `Nội dung tối đa ${MAX_TEXT} ký tự.`);
  return null;
}

export interface SubmissionInput {
  /** YYYY-MM */
  month: string;
  transferReference: string;
  /** YYYY-MM-DD */
  transferredOn: string;
}

/** What is wrong with a remittance as submitted (docs/rules/dues-remittance.md#submitting-the-remittance); `today` is Vietnam's day. */
export function submissionErrors(input: SubmissionInput, today: string): UserError[] {
  const errors: UserError[] = [];
  const reference = textError(input.transferReference, 'transferReference', 'REFERENCE_REQUIRED', 'Hãy ghi số tham chiếu của giao dịch chuyển tiền (hoặc số phiếu nộp tiền mặt).');
  if (reference) errors.push(reference);
  if (input.transferredOn > today) errors.push(error('TRANSFERRED_IN_FUTURE', 'transferredOn', 'Ngày chuyển tiền không được sau hôm nay.'));
  else if (input.transferredOn < `${input.month}-01`) errors.push(error('TRANSFERRED_BEFORE_MONTH', 'transferredOn', 'Ngày chuyển tiền không được trước tháng nộp.'));
  return errors;
}

/** A bound on one adjustment (a thousand million dong), far above any month of a province, to catch a slip of digits. */
const MAX_ADJUSTMENT = 1_000_000_000_000n;

export type AdjustmentKind = 'LATE_PAYMENT' | 'CORRECTION';

/** What is wrong with an adjustment entry as written (docs/rules/dues-remittance.md#adjustments-after-a-close). */
export function adjustmentErrors(input: { kind: AdjustmentKind; amount: bigint; reason: string }): UserError[] {
  const errors: UserError[] = [];
  if (input.amount === 0n) errors.push(error('AMOUNT_ZERO', 'amount', 'Số tiền điều chỉnh phải khác 0.'));
  else if (input.kind === 'LATE_PAYMENT' && input.amount < 0n) errors.push(error('LATE_PAYMENT_NEGATIVE', 'amount', 'Khoản thu muộn phải là số tiền dương; khoản giảm là điều chỉnh sai sót.'));
  if (input.amount > MAX_ADJUSTMENT || input.amount < -MAX_ADJUSTMENT) errors.push(error('AMOUNT_OUT_OF_RANGE', 'amount', 'Số tiền điều chỉnh quá lớn: hãy kiểm tra lại.'));
  const reason = textError(input.reason, 'reason', 'REASON_REQUIRED', 'Hãy ghi lý do điều chỉnh.');
  if (reason) errors.push(reason);
  return errors;
}

/** An adjustment's kept and remitted shares by the month's rule; a negative one mirrors the positive, so both add up exactly. */
export function splitSigned(amount: bigint, keepPercent: number): { kept: bigint; remitted: bigint } {
  if (amount >= 0n) return split(amount, keepPercent);
  const { kept, remitted } = split(-amount, keepPercent);
  return { kept: -kept, remitted: -remitted };
}

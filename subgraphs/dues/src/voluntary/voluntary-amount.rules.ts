import type { UserError } from '@dangvu/subgraph-kit';
import { dong } from '../rates/dues-quote.rules.ts';
import { textError } from '../remittance/remittance.rules.ts';

/** A bound on a monthly amount (a hundred million dong), to catch a slip of digits. */
export const MAX_VOLUNTARY_AMOUNT = 100_000_000n;

export interface ProposalInput {
  amount: bigint;
  /** YYYY-MM */
  fromMonth: string;
  request: string;
}

const error = (code: string, field: string, message: string): UserError => ({ code, field, message });

/**
 * What is wrong with a proposal as written (docs/rules/dues-obligations.md#voluntary-higher-amounts): `rated` is
 * what the rate asks of the member in the first month (null when it cannot be reckoned), `today` Vietnam's day.
 */
export function proposalErrors(input: ProposalInput, rated: bigint | null, today: string): UserError[] {
  const errors: UserError[] = [];
  if (input.amount > MAX_VOLUNTARY_AMOUNT) errors.push(error('AMOUNT_OUT_OF_RANGE', 'amount', `Mức đóng mỗi tháng không quá ${dong(MAX_VOLUNTARY_AMOUNT)}: hãy kiểm tra lại.`));
  else if (rated !== null && input.amount <= rated) errors.push(error('NOT_ABOVE_RATE', 'amount', `Mức tự nguyện phải cao hơn mức quy định của tháng đầu (${dong(rated)}).`));
  else if (input.amount <= 0n) errors.push(error('NOT_ABOVE_RATE', 'amount', 'Mức tự nguyện phải là số tiền dương.'));
  if (input.fromMonth < today.slice(0, 7)) errors.push(error('MONTH_PASSED', 'fromMonth', 'Mức tự nguyện áp dụng từ tháng này hoặc một tháng sau.'));
  const request = textError(input.request, 'request', 'REQUEST_REQUIRED', 'Hãy ghi đơn, nguyện vọng của đảng viên (ngày, nội dung).');
  if (request) errors.push(request);
  return errors;
}

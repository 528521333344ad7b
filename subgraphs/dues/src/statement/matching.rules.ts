import { OPEN_STATUSES } from '../payment/cash-payment.rules.ts';
import { folded } from './statement.rules.ts';

/**
 * Matching a credited line to the months it pays (docs/rules/dues-payments.md#matching). Pure: no I/O.
 */

/** The code's letters, as qr-payment.rules.ts draws them. */
const CODE_IN_TEXT = /DP[A-HJ-NP-Z2-9]{8}/g;

/**
 * The payment codes a narrative may hold, in the order they appear. Banks cut, upper-case, strip diacritics
 * and glue the payer's memo to their own text ("MBVCB.4530998360.DPK7M2Q9XA.DANG PHI", "...CT DEN:123DPK7M2Q9XADANGPHI"),
 * and some put spaces or dots inside it: every letter and digit is read as one run and each place a code could
 * start is a candidate. Only codes a payment was prepared with count, so a candidate that is no code is harmless.
 */
export function codeCandidates(narrative: string): string[] {
  const run = folded(narrative).toUpperCase().replace(/[^A-Z0-9]/g, '');
  const found: string[] = [];
  for (let start = run.indexOf('DP'); start >= 0; start = run.indexOf('DP', start + 1)) {
    const candidate = run.slice(start, start + 10);
    CODE_IN_TEXT.lastIndex = 0;
    if (candidate.length === 10 && CODE_IN_TEXT.test(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  return found;
}

export type ExceptionKind = 'UNMATCHED' | 'PARTIAL' | 'OVERPAID' | 'ALREADY_PAID' | 'MONTH_CLOSED' | 'OTHER_ORGANIZATION';

/** A prepared payment as the matcher sees it, with its months as they stand now. */
export interface PaymentToMatch {
  code: string;
  collectingOrgId: string;
  months: readonly { status: string; amount: bigint; closed: boolean }[];
}

export type LineOutcome = { outcome: 'MATCHED'; expected: bigint } | { outcome: ExceptionKind; expected: bigint | null };

/**
 * What a line of `amount` arriving on `orgId`'s account does with the payment its code names: pays its months
 * when every one is still owed, none in a closed month, and the amount is exactly theirs; else which exception.
 * A code already paid is a duplicate before anything else, so that a second transfer is never taken as a payment.
 */
export function matchLine(orgId: string, amount: bigint, payment: PaymentToMatch | undefined): LineOutcome {
  if (!payment) return { outcome: 'UNMATCHED', expected: null };
  if (payment.collectingOrgId !== orgId) return { outcome: 'OTHER_ORGANIZATION', expected: null };
  const expected = payment.months.reduce((sum, month) => sum + month.amount, 0n);
  if (payment.months.length === 0 || payment.months.some((month) => !OPEN_STATUSES.has(month.status))) return { outcome: 'ALREADY_PAID', expected };
  if (payment.months.some((month) => month.closed)) return { outcome: 'MONTH_CLOSED', expected };
  if (amount < expected) return { outcome: 'PARTIAL', expected };
  if (amount > expected) return { outcome: 'OVERPAID', expected };
  return { outcome: 'MATCHED', expected };
}

import { z } from 'zod';
import { parseStatementDay } from '../statement/statement.rules.ts';
import type { CreditedLine } from '../statement/reconciliation.ts';

/**
 * One notification as payment-notification services post it (docs/api.md#payment-notifications), in SePay's
 * field names: one credited or debited transfer on an account. Unknown fields are ignored.
 */
const notification = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9._-]{1,64}$/)]),
  gateway: z.string().max(100).optional(),
  transactionDate: z.string().max(40),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{1,40}$/),
  subAccount: z.string().max(40).nullish(),
  code: z.string().max(100).nullish(),
  content: z.string().max(1_000).nullish(),
  description: z.string().max(2_000).nullish(),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  referenceCode: z.string().max(100).nullish(),
});

export type NotificationReading = { ignored: true } | { accountNumbers: string[]; line: CreditedLine } | { invalid: string };

/** The credited line a notification brings, keyed by the service's transaction id (a retried delivery carries the same). */
export function readNotification(body: unknown): NotificationReading {
  const parsed = notification.safeParse(body);
  if (!parsed.success) return { invalid: `Thông báo không đúng dạng: ${parsed.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ')}.` };
  const n = parsed.data;
  if (n.transferType === 'out') return { ignored: true };
  const bookedOn = parseStatementDay(n.transactionDate);
  if (!bookedOn) return { invalid: 'Thông báo không đúng dạng: transactionDate.' };
  // The payer's memo is in `content`; some services leave it empty and give only the bank's `description`.
  const narrative = [n.content, n.description, n.code].filter((text): text is string => Boolean(text)).join(' ');
  return { accountNumbers: [n.accountNumber, ...(n.subAccount ? [n.subAccount] : [])], line: { reference: `N-${n.id}`, bookedOn, amount: BigInt(n.transferAmount), narrative } };
}

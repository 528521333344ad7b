import { auditor, type SignedCall } from '@dangvu/subgraph-kit';
import type { DuesStore } from '../repositories.ts';
import { reconcile } from '../statement/reconciliation.ts';
import { keyHash, presentedKey } from './notification-key.rules.ts';
import { readNotification } from './payment-notification.rules.ts';

/** An answer in the shape the services read: HTTP 200 with `success: true` stops their retries, anything else retries. */
export interface NotificationAnswer {
  status: number;
  body: { success: boolean; message?: string };
}

const refuse = (status: number, message: string): NotificationAnswer => ({ status, body: { success: false, message } });

/**
 * docs/api.md#payment-notifications: a credited transfer pushed by a payment-notification service feeds the
 * same matcher and exception queue as a statement line. The key names the account; a delivery retried, or the
 * same transfer seen later on a statement with the same reference, changes nothing.
 */
export async function receivePaymentNotification(store: DuesStore, call: SignedCall, authorization: string | undefined, bodyText: string, now = new Date()): Promise<NotificationAnswer> {
  const key = presentedKey(authorization);
  const holder = key ? await store.repos.notificationKeys.inForce(keyHash(key)) : undefined;
  if (!holder) return refuse(401, 'Khóa API không đúng hoặc đã bị thu hồi.');
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return refuse(400, 'Nội dung thông báo không phải JSON hợp lệ.');
  }
  const reading = readNotification(body);
  if ('invalid' in reading) return refuse(400, reading.invalid);
  if ('ignored' in reading) return { status: 200, body: { success: true, message: 'Giao dịch ghi nợ: không đối chiếu.' } };
  if (!reading.accountNumbers.includes(holder.accountNumber)) return refuse(403, 'Khóa API này không dùng cho tài khoản trong thông báo.');
  const audit = auditor({ identity: call.identity, requestId: call.requestId, idempotency: null });
  return store.transaction(async (repos) => {
    const account = { orgId: holder.orgId, orgPath: holder.orgPath, accountNumber: holder.accountNumber };
    const result = await reconcile(repos, account, [reading.line], 'NOTIFICATION', null, now);
    if (result.newLines === 0) return { status: 200, body: { success: true, message: 'Giao dịch đã nhận trước đó.' } };
    await audit(
      repos.audit,
      { action: 'dues.paymentNotificationReceived', entityType: 'BankTransaction', entityId: reading.line.reference, orgPath: holder.orgPath, after: { reference: reading.line.reference, amount: String(reading.line.amount), matched: result.matched === 1 } },
      ...result.facts,
    );
    return { status: 200, body: { success: true } };
  });
}

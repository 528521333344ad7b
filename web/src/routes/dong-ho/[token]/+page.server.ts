import { error } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { qrCodeShape } from '#lib/server/qr.ts';
import { SharedPaymentQuery } from './shared-payment.graphql.ts';
import type { PageServerLoad } from './$types';

/**
 * A relative pays a member's dues from a shared link, without signing in (docs/rules/dues-payments.md#a-shared-link):
 * what the link pays and its QR while it pays; otherwise why it does not.
 */
export const load: PageServerLoad = async (event) => {
  event.setHeaders({ 'cache-control': 'private, no-store' });
  const { data, code } = await query(event, SharedPaymentQuery, { token: event.params.token });
  if (!data) error(code === 'SERVICE_UNAVAILABLE' ? 503 : 502, 'Chưa tải được liên kết. Vui lòng thử lại sau ít phút.');
  const shared = data.duesSharedPayment;
  return { state: shared.state, expiresAt: shared.expiresAt, payment: shared.payment ? { ...shared.payment, qrCode: qrCodeShape(shared.payment.qrPayload) } : null };
};

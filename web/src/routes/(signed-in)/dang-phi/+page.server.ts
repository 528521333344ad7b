import { vietnamDay } from '#lib/vietnam-time.ts';
import { settle } from '#lib/form-result.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { qrCodeShape } from '#lib/server/qr.ts';
import { CreateShareLinkMutation, MyDuesQuery, PreparePaymentMutation, RevokeShareLinkMutation } from './dues.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** Rendered on the server with its data: what the member owes, month by month, and why. */
export const load: PageServerLoad = async (event) => {
  const { me } = await loadQuery(event, MyDuesQuery, {});
  return { me, today: vietnamDay(new Date()) };
};

export const actions: Actions = {
  /** The VietQR payment of the months ticked (docs/rules/dues-payments.md#paying-by-qr), drawn as a QR code here. */
  qr: async (event) => {
    const form = await event.request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const months = form.getAll('months').map(String);
    const { data, code } = await mutate(event, PreparePaymentMutation, { input: { memberId, months } });
    return settle(
      'qr',
      { code, payload: data?.preparePayment },
      {
        done: null,
        extra: (payload) => ({ ...payload.payment!, qrCode: qrCodeShape(payload.payment!.qrPayload) }),
      },
    );
  },

  /** A link a relative opens without signing in to pay the months (docs/rules/dues-payments.md#a-shared-link); its address is shown once. */
  share: async (event) => {
    const form = await event.request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const months = form.getAll('months').map(String);
    const { data, code } = await mutate(event, CreateShareLinkMutation, { input: { memberId, months } });
    return settle(
      'share',
      { code, payload: data?.createDuesShareLink },
      {
        done: 'Đã tạo liên kết đóng hộ. Gửi địa chỉ dưới đây cho người thân; liên kết dùng được 7 ngày.',
        extra: (payload) => ({ address: new URL(`/dong-ho/${payload.token}`, event.url).href }),
      },
    );
  },

  revoke: async (event) => {
    const form = await event.request.formData();
    const { data, code } = await mutate(event, RevokeShareLinkMutation, { input: { linkId: String(form.get('linkId') ?? '') } });
    return settle('revoke', { code, payload: data?.revokeDuesShareLink }, { done: 'Đã thu hồi liên kết: mở ra sẽ không đóng được nữa.' });
  },
};

import { settle } from '#lib/form-result.ts';
import { vietnamLastMonth } from '#lib/vietnam-time.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { CloseDuesMonthMutation, DuesCollectionQuery, RecordCashPaymentMutation } from './collection.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The cell's collection sheet: the API refuses it to anyone but the officers who collect there or above. */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, DuesCollectionQuery, { id: event.params.id });
  return { organization };
};


export const actions: Actions = {
  /** Closes last month for the organization: the totals are frozen and what it remits upward is reckoned. */
  close: async (event) => {
    const { data, code } = await mutate(event, CloseDuesMonthMutation, { input: { organizationId: event.params.id, month: vietnamLastMonth(new Date()) } });
    return settle(
      'close',
      { code, payload: data?.closeDuesMonth },
      {
        forbidden: 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư được khóa sổ đảng phí.',
        done: 'Đã khóa sổ đảng phí tháng.',
        extra: (payload) => payload.close,
      },
    );
  },

  /** Cash taken from one member for the months ticked; the answer carries the receipt to print. */
  cash: async (event) => {
    const form = await event.request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const months = form.getAll('months').map(String);
    const { data, code } = await mutate(event, RecordCashPaymentMutation, { input: { memberId, months } });
    return settle(
      'cash',
      { code, payload: data?.recordCashPayment },
      {
        forbidden: 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư được ghi nhận thu đảng phí, và không tự ghi cho mình.',
        done: (payload) => `Đã ghi nhận thu tiền mặt, biên lai số ${payload.receipt!.reference}.`,
        extra: (payload) => payload.receipt,
      },
      { memberId },
    );
  },
};

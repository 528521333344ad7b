import { refused, settle } from '#lib/form-result.ts';
import { parseDayInput } from '#lib/day-input.ts';
import { DONG_INPUT_ERROR, parseDongInput, parseMonthInput } from '#lib/dues-input.ts';
import { vietnamLastMonth } from '#lib/vietnam-time.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { ConfirmDuesRemittanceMutation, DuesRemittanceQuery, RecordDuesAdjustmentMutation, RejectDuesRemittanceMutation, SubmitDuesRemittanceMutation } from './remittance.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The month asked in the address (?thang=MM/YYYY), else last month: the latest that can be closed. */
const monthOf = (url: URL) => parseMonthInput(url.searchParams.get('thang') ?? '') ?? vietnamLastMonth(new Date());

/**
 * One organization's remittance of a month (docs/rules/dues-remittance.md): its close, adjustments and what it
 * sent up, with the forms to submit and adjust; and what it received from those under it, to confirm or reject.
 */
export const load: PageServerLoad = async (event) => {
  const month = monthOf(event.url);
  const { organization } = await loadQuery(event, DuesRemittanceQuery, { id: event.params.id, month });
  return { organization, month };
};

const FORBIDDEN_DECISION = 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư cấp trên trực tiếp được xác nhận khoản nộp.';

export const actions: Actions = {
  submit: async (event) => {
    const form = await event.request.formData();
    const values = { month: String(form.get('month') ?? ''), transferReference: String(form.get('transferReference') ?? ''), transferredOn: String(form.get('transferredOn') ?? '') };
    const transferredOn = parseDayInput(values.transferredOn);
    if (!transferredOn) return refused(400, 'submit', { fieldErrors: { transferredOn: 'Hãy ghi ngày chuyển tiền theo dạng ngày/tháng/năm.' }, values });
    const { data, code } = await mutate(event, SubmitDuesRemittanceMutation, { input: { organizationId: event.params.id, month: values.month, transferReference: values.transferReference, transferredOn } });
    return settle(
      'submit',
      { code, payload: data?.submitDuesRemittance },
      { forbidden: 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư của tổ chức được nộp đảng phí lên cấp trên.', done: 'Đã gửi khoản nộp lên cấp trên, chờ cấp trên xác nhận.' },
      values,
    );
  },

  adjust: async (event) => {
    const form = await event.request.formData();
    const values = { month: String(form.get('month') ?? ''), kind: String(form.get('kind') ?? ''), amount: String(form.get('amount') ?? ''), reason: String(form.get('reason') ?? '') };
    const amount = parseDongInput(values.amount, { signed: true });
    if (!amount) return refused(400, 'adjust', { fieldErrors: { amount: DONG_INPUT_ERROR }, values });
    const kind = values.kind === 'LATE_PAYMENT' ? 'LATE_PAYMENT' : 'CORRECTION';
    const { data, code } = await mutate(event, RecordDuesAdjustmentMutation, { input: { organizationId: event.params.id, month: values.month, kind, amount, reason: values.reason } });
    return settle(
      'adjust',
      { code, payload: data?.recordDuesAdjustment },
      { forbidden: 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư được ghi điều chỉnh sau khóa sổ.', done: 'Đã ghi khoản điều chỉnh; phần nộp lên sẽ đi cùng lần nộp tiếp theo.' },
      values,
    );
  },

  confirm: async (event) => {
    const form = await event.request.formData();
    const { data, code } = await mutate(event, ConfirmDuesRemittanceMutation, { input: { id: String(form.get('id') ?? '') } });
    return settle('confirm', { code, payload: data?.confirmDuesRemittance }, { forbidden: FORBIDDEN_DECISION, notFound: 'Không tìm thấy khoản nộp này.', done: 'Đã xác nhận đã nhận khoản nộp.' });
  },

  reject: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const values = { id, reason: String(form.get('reason') ?? '') };
    const { data, code } = await mutate(event, RejectDuesRemittanceMutation, { input: values });
    return settle('reject', { code, payload: data?.rejectDuesRemittance }, { forbidden: FORBIDDEN_DECISION, notFound: 'Không tìm thấy khoản nộp này.', done: 'Đã từ chối khoản nộp; tổ chức sẽ nộp lại.' }, values);
  },
};

import { parseDayInput } from '#lib/day-input.ts';
import { DONG_INPUT_ERROR, MONTH_INPUT_ERROR, parseDongInput, parseMonthInput } from '#lib/dues-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { WAGE_REGIONS } from '../../../tinh/quote-form.ts';
import { DecideDuesReliefMutation, DecideVoluntaryDuesMutation, DuesDecisionsQuery, ProposeVoluntaryDuesMutation, SetWageRegionMutation } from './decisions.graphql.ts';
import { RELIEF_GROUNDS, RELIEF_KINDS } from './decision-options.ts';
import type { Actions, PageServerLoad } from './$types';

/** The dues decisions about an organization's members (docs/rules/dues-obligations.md): reliefs, its wage region, voluntary amounts. */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, DuesDecisionsQuery, { id: event.params.id });
  return { organization };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const valuesOf = (form: FormData, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, text(form, name)]));

export const actions: Actions = {
  relief: async (event) => {
    const form = await event.request.formData();
    const values = valuesOf(form, ['memberId', 'kind', 'ground', 'percent', 'fromMonth', 'untilMonth', 'reference', 'decidedOn', 'applicationReference']);
    const fieldErrors: Record<string, string> = {};
    const fromMonth = parseMonthInput(values.fromMonth!);
    if (!fromMonth) fieldErrors.fromMonth = MONTH_INPUT_ERROR;
    const untilMonth = values.untilMonth!.trim() ? parseMonthInput(values.untilMonth!) : null;
    if (values.untilMonth!.trim() && !untilMonth) fieldErrors.untilMonth = MONTH_INPUT_ERROR;
    const decidedOn = parseDayInput(values.decidedOn!);
    if (!decidedOn) fieldErrors.decidedOn = 'Hãy ghi ngày quyết định theo dạng ngày/tháng/năm.';
    const kind = RELIEF_KINDS.find((k) => k.value === values.kind)?.value;
    const ground = RELIEF_GROUNDS.find((g) => g.value === values.ground)?.value;
    if (!values.memberId) fieldErrors.memberId = 'Hãy chọn đảng viên.';
    if (Object.keys(fieldErrors).length || !fromMonth || !decidedOn || !kind || !ground) return refused(400, 'relief', { fieldErrors, values });
    const input = {
      memberId: values.memberId!,
      kind,
      ground,
      percent: kind === 'REDUCTION' ? Number(values.percent) : null,
      fromMonth,
      untilMonth,
      reference: values.reference!,
      decidedOn,
      applicationReference: values.applicationReference!.trim() || null,
    };
    const { data, code } = await mutate(event, DecideDuesReliefMutation, { input });
    return settle(
      'relief',
      { code, payload: data?.decideDuesRelief },
      { forbidden: 'Quyết định miễn, giảm do bí thư hoặc phó bí thư cấp quyết định ghi nhận, không tự ghi cho mình.', done: 'Đã ghi nhận quyết định; các tháng chưa đóng đã được tính lại.' },
      values,
    );
  },

  region: async (event) => {
    const form = await event.request.formData();
    const region = WAGE_REGIONS.find((r) => r.value === text(form, 'region'))?.value;
    if (!region) return refused(400, 'region', { fieldErrors: { region: 'Hãy chọn vùng.' } });
    const { data, code } = await mutate(event, SetWageRegionMutation, { input: { organizationId: event.params.id, region } });
    return settle('region', { code, payload: data?.setWageRegion }, { forbidden: 'Vùng lương tối thiểu do cấp ủy cấp trên của tổ chức đặt.', done: 'Đã đặt vùng lương tối thiểu.' });
  },

  propose: async (event) => {
    const form = await event.request.formData();
    const values = valuesOf(form, ['memberId', 'amount', 'fromMonth', 'request']);
    const fieldErrors: Record<string, string> = {};
    const amount = parseDongInput(values.amount!);
    if (!amount) fieldErrors.amount = DONG_INPUT_ERROR;
    const fromMonth = parseMonthInput(values.fromMonth!);
    if (!fromMonth) fieldErrors.fromMonth = MONTH_INPUT_ERROR;
    if (!values.memberId) fieldErrors.memberId = 'Hãy chọn đảng viên.';
    if (!amount || !fromMonth || !values.memberId) return refused(400, 'propose', { fieldErrors, values });
    const { data, code } = await mutate(event, ProposeVoluntaryDuesMutation, { input: { memberId: values.memberId, amount, fromMonth, request: values.request! } });
    return settle(
      'propose',
      { code, payload: data?.proposeVoluntaryDues },
      { forbidden: 'Đề nghị do bí thư hoặc phó bí thư của chi bộ lập, không lập cho chính mình.', done: 'Đã gửi đề nghị lên cấp trên.' },
      values,
    );
  },

  voluntary: async (event) => {
    const form = await event.request.formData();
    const values = { id: text(form, 'id'), note: text(form, 'note') };
    const decision = text(form, 'decision') === 'REJECT' ? 'REJECT' : 'APPROVE';
    const { data, code } = await mutate(event, DecideVoluntaryDuesMutation, { input: { id: values.id, decision, note: values.note.trim() || null } });
    return settle(
      'voluntary',
      { code, payload: data?.decideVoluntaryDues },
      { forbidden: 'Mức đóng tự nguyện do bí thư hoặc phó bí thư cấp trên trực tiếp quyết định.', notFound: 'Không tìm thấy đề nghị.', done: decision === 'APPROVE' ? 'Đã duyệt mức đóng tự nguyện.' : 'Đã không duyệt đề nghị.' },
      values,
    );
  },
};

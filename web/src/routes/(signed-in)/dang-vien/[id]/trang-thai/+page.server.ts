import { DAY_INPUT_HINT, parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { StatusChangeKind } from '#lib/graphql/generated/graphql.ts';
import { mutate } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import {
  ApplyForStatusChangeMutation,
  DecideMemberStatusMutation,
  MemberStatusQuery,
  ReportStatusChangeMutation,
  ResolveStatusChangeMutation,
  WithdrawStatusChangeMutation,
} from './status.graphql.ts';
import { TERMINAL } from './status-labels.ts';
import type { Actions, PageServerLoad } from './$types';

/** The member's statuses over time and the procedures the viewer may take on them. */
export const load: PageServerLoad = async (event) => ({
  member: await loadRecord(event, MemberStatusQuery, { id: event.params.id }, (data) => data.member),
});

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

const FORBIDDEN = 'Đồng chí không có quyền làm việc này với hồ sơ của đảng viên này.';

/** The decision record as typed: the day (dd/mm/yyyy), the reference, the file name; or the field that is wrong. */
function decisionOf(action: 'resolve' | 'decide', values: Record<string, string | null>) {
  const decidedOn = parseDayInput(values.decidedOn ?? '');
  if (!decidedOn) return { failure: refused(400, action, { message: null, fieldErrors: { decidedOn: `Ngày không đúng. ${DAY_INPUT_HINT}` }, values }) };
  return { decision: { decidedOn, reference: values.reference ?? '', attachmentName: values.attachmentName } };
}

const decisionValues = (form: FormData) => ({ decidedOn: text(form, 'decidedOn'), reference: text(form, 'reference'), attachmentName: text(form, 'attachmentName') });

/** The API names the record's fields `decision.x`; the form names them `x`. */
const beside = <P extends { userErrors: readonly { field?: string | null }[] }>(payload: P | null | undefined) =>
  payload && { ...payload, userErrors: payload.userErrors.map((e) => ({ ...e, field: e.field?.replace(/^decision\./, '') ?? null })) };

export const actions: Actions = {
  apply: async (event) => {
    const form = await event.request.formData();
    const values = { kind: text(form, 'kind'), reason: text(form, 'reason') };
    if (!values.kind) return refused(400, 'apply', { message: null, fieldErrors: { kind: 'Chọn việc đồng chí đề nghị.' }, values });
    const { data, code } = await mutate(event, ApplyForStatusChangeMutation, {
      input: { memberId: event.params.id, kind: values.kind as StatusChangeKind, reason: values.reason },
    });
    return settle('apply', { code, payload: data?.applyForStatusChange }, { forbidden: FORBIDDEN, done: 'Đã nộp đơn; chi bộ sẽ xem xét tại kỳ sinh hoạt.' }, values);
  },
  resolve: async (event) => {
    const form = await event.request.formData();
    const values = { id: text(form, 'id'), ...decisionValues(form) };
    const adopted = form.get('adopted') === 'true';
    const read = decisionOf('resolve', values);
    if (read.failure) return read.failure;
    const { data, code } = await mutate(event, ResolveStatusChangeMutation, { input: { id: values.id ?? '', adopted, decision: read.decision } });
    return settle(
      'resolve',
      { code, payload: beside(data?.resolveStatusChange) },
      { forbidden: FORBIDDEN, done: adopted ? 'Đã ghi nghị quyết của chi bộ; tình trạng sinh hoạt đã được cập nhật.' : 'Đã ghi việc chi bộ không chấp thuận đơn.' },
      values,
    );
  },
  report: async (event) => {
    const form = await event.request.formData();
    const { data, code } = await mutate(event, ReportStatusChangeMutation, { input: { id: text(form, 'id') ?? '' } });
    return settle('report', { code, payload: data?.reportStatusChange }, { forbidden: FORBIDDEN, done: 'Đã ghi việc báo cáo cấp trên.' });
  },
  withdraw: async (event) => {
    const form = await event.request.formData();
    const { data, code } = await mutate(event, WithdrawStatusChangeMutation, { input: { id: text(form, 'id') ?? '' } });
    return settle('withdraw', { code, payload: data?.withdrawStatusChange }, { forbidden: FORBIDDEN, done: 'Đã rút đơn.' });
  },
  decide: async (event) => {
    const form = await event.request.formData();
    const values = { kind: text(form, 'kind'), reason: text(form, 'reason'), ...decisionValues(form) };
    if (!values.kind) return refused(400, 'decide', { message: null, fieldErrors: { kind: 'Chọn nội dung quyết định.' }, values });
    const kind = values.kind as StatusChangeKind;
    if (TERMINAL.includes(kind) && form.get('confirm') !== 'yes') {
      return refused(400, 'decide', { fieldErrors: { confirm: 'Quyết định này không thể hoàn tác: đánh dấu ô xác nhận để ghi.' }, values });
    }
    const read = decisionOf('decide', values);
    if (read.failure) return read.failure;
    const { data, code } = await mutate(event, DecideMemberStatusMutation, { input: { memberId: event.params.id, kind, reason: values.reason, decision: read.decision } });
    return settle('decide', { code, payload: beside(data?.decideMemberStatus) }, { forbidden: FORBIDDEN, done: 'Đã ghi quyết định; tình trạng sinh hoạt đã được cập nhật.' }, values);
  },
};

import { parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { mutate, query } from '#lib/server/gateway.ts';
import { AnswerMutation, AssignMutation, CancelMutation, CommentRequestQuery, CommuneCellsQuery, PaperMutation, RecordPaperMutation, RouteMutation } from './request.graphql.ts';
import type { DutyAssessment } from '#lib/graphql/generated/graphql.ts';
import { DUTIES } from '../labels.ts';
import type { Actions, PageServerLoad } from './$types';


/** One request, as far as the viewer may read it: the content answers null to the member and to those on the way who may not read it. */
export const load: PageServerLoad = async (event) => {
  const { request, roots } = await loadRecord(event, CommentRequestQuery, { id: event.params.id }, (data) =>
    data.residenceComment ? { request: data.residenceComment, roots: data.organizationRoots } : null,
  );
  const cells =
    request.availableActions.includes('ASSIGN_CELL') && request.commune
      ? ((await query(event, CommuneCellsQuery, { id: request.commune.id })).data?.organization?.children ?? [])
      : [];
  const communes = request.availableActions.includes('ROUTE_TO_COMMUNE') ? roots.flatMap((root) => root.children) : [];
  return { request, cells, communes };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const version = (form: FormData) => Number(form.get('expectedVersion'));

export const actions: Actions = {
  answer: async (event) => {
    const form = await event.request.formData();
    const values: Record<string, string> = { overall: text(form, 'overall') };
    const duties = DUTIES.map((duty) => {
      values[`${duty}-assessment`] = text(form, `${duty}-assessment`);
      values[`${duty}-remark`] = text(form, `${duty}-remark`);
      return { duty, assessment: values[`${duty}-assessment`] as DutyAssessment, remark: values[`${duty}-remark`] || null };
    });
    if (duties.some((duty) => !duty.assessment)) {
      return refused(400, 'answer', { message: 'Hãy chọn mức thực hiện cho từng nhiệm vụ.', values });
    }
    const { data, code } = await mutate(event, AnswerMutation, { input: { requestId: event.params.id, expectedVersion: version(form), duties, overall: values.overall! } });
    return settle('answer', { code, payload: data?.answerResidenceComment }, { done: 'Đã gửi nhận xét về tổ chức nơi đảng viên công tác.' }, values);
  },
  route: async (event) => {
    const form = await event.request.formData();
    const values = { communeId: text(form, 'communeId') };
    if (!values.communeId) return refused(400, 'route', { fieldErrors: { communeId: 'Hãy chọn đảng ủy xã, phường nơi đảng viên cư trú.' }, values });
    const { data, code } = await mutate(event, RouteMutation, { input: { requestId: event.params.id, expectedVersion: version(form), communeId: values.communeId } });
    return settle('route', { code, payload: data?.routeResidenceCommentToCommune }, { done: 'Đã chuyển đề nghị đến đảng ủy xã, phường nơi cư trú.' }, values);
  },
  assign: async (event) => {
    const form = await event.request.formData();
    const values = { cellId: text(form, 'cellId') };
    if (!values.cellId) return refused(400, 'assign', { fieldErrors: { cellId: 'Hãy chọn chi bộ nơi đảng viên cư trú.' }, values });
    const { data, code } = await mutate(event, AssignMutation, { input: { requestId: event.params.id, expectedVersion: version(form), cellId: values.cellId } });
    return settle('assign', { code, payload: data?.assignResidenceCommentCell }, { done: 'Đã giao chi bộ nơi cư trú nhận xét.' }, values);
  },
  paper: async (event) => {
    const form = await event.request.formData();
    const values = { recipientName: text(form, 'recipientName'), recipientAddress: text(form, 'recipientAddress') };
    const { data, code } = await mutate(event, PaperMutation, { input: { requestId: event.params.id, expectedVersion: version(form), ...values } });
    return settle('paper', { code, payload: data?.sendResidenceCommentOnPaper }, { done: 'Đã ghi nhận gửi đề nghị bằng giấy.' }, values);
  },
  recordPaper: async (event) => {
    const form = await event.request.formData();
    const values = { receivedOn: text(form, 'receivedOn'), overall: text(form, 'overall'), scanFileName: text(form, 'scanFileName') };
    const receivedOn = parseDayInput(values.receivedOn);
    if (!receivedOn) return refused(400, 'recordPaper', { fieldErrors: { receivedOn: 'Hãy ghi ngày theo dạng ngày/tháng/năm.' }, values });
    const { data, code } = await mutate(event, RecordPaperMutation, {
      input: { requestId: event.params.id, expectedVersion: version(form), receivedOn, overall: values.overall, scanFileName: values.scanFileName },
    });
    return settle('recordPaper', { code, payload: data?.recordPaperResidenceComment }, { done: 'Đã ghi nhận bản nhận xét bằng giấy.' }, values);
  },
  cancel: async (event) => {
    const form = await event.request.formData();
    const values = { reason: text(form, 'reason') };
    const { data, code } = await mutate(event, CancelMutation, { input: { requestId: event.params.id, expectedVersion: version(form), reason: values.reason } });
    return settle('cancel', { code, payload: data?.cancelResidenceComment }, { done: 'Đã hủy đề nghị.' }, values);
  },
};

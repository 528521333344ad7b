import { parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { DossierItem, TransferStepFragment } from '#lib/graphql/generated/graphql.ts';
import { mutate, query, type Outcome } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { vietnamDay } from '#lib/vietnam-time.ts';
import {
  AcceptTransferMutation,
  CancelTransferMutation,
  CheckDossierItemsMutation,
  EndTemporaryTransferMutation,
  ExtendTemporaryTransferMutation,
  HandOverTransferMutation,
  IssueTransferLetterMutation,
  ReceiveTransferMutation,
  RecordExternalReceiptMutation,
  RecordHandoverMutation,
  RefuseTransferMutation,
  RejectTransferMutation,
  ReplaceLostLetterMutation,
  ReturnTransferMutation,
  ReviewTransferMutation,
  SubmitTransferMutation,
  TransferLetterVoucherQuery,
  TransferPageQuery,
} from '../transfers.graphql.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The timeline's actors are members the viewer may not all read: their names answer null then, and the page shows the rest. */
export const load: PageServerLoad = async (event) => ({
  transfer: await loadRecord(event, TransferPageQuery, { id: event.params.id }, (data) => data.transfer),
  today: vietnamDay(new Date()),
  scannedLetter: event.url.searchParams.get('giay'),
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (form: FormData, name: string) => text(form, name) || null;
const WRONG_DAY = 'Ngày chưa đúng: hãy ghi ngày/tháng/năm, ví dụ 25/12/2026.';

/** The dossier and the version the step is taken on, as the form carries them. */
async function dossierForm(event: RequestEvent) {
  const form = await event.request.formData();
  return { form, base: { transferId: event.params.id, expectedVersion: Number(form.get('expectedVersion')) } };
}

/** The ladder after a step (form-result.ts `settle`); every step answers as `step`, tagged with which, so that the page says it beside that step's form. */
function answer(step: string, outcome: Outcome<unknown>, payload: TransferStepFragment | null | undefined, done: string, values: Record<string, string | null> = {}) {
  return settle('step', { code: outcome.code, payload }, { done, forbidden: 'Việc này không phải của đồng chí trên hồ sơ này.', extra: () => ({ step }) }, values, { step });
}

/** A day field of a step's form, with the message beside it when it is no day. */
function dayOf(form: FormData, name: string, fieldErrors: Record<string, string>) {
  const typed = text(form, name);
  const day = parseDayInput(typed);
  if (!day) fieldErrors[name] = typed ? WRONG_DAY : 'Xin ghi ngày.';
  return day;
}

/** The dossier's items the officer ticked, recorded as found present. */
const checkTicked = (event: RequestEvent, form: FormData) =>
  mutate(event, CheckDossierItemsMutation, { input: { transferId: event.params.id, items: form.getAll('item').map(String) as DossierItem[] } });

const stopped = (step: string, fieldErrors: Record<string, string>, values: Record<string, string | null>) =>
  refused<'step', { step: string }>(400, 'step', { fieldErrors, values, extra: { step } });

export const actions: Actions = {
  submit: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { lateReason: optional(form, 'lateReason'), memberConsent: optional(form, 'memberConsent') };
    const outcome = await mutate(event, SubmitTransferMutation, { input: { ...base, ...values } });
    return answer('submit', outcome, outcome.data?.submitTransfer, 'Đã gửi đề nghị lên chi bộ.', values);
  },
  cancel: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { reason: text(form, 'reason'), memberConsent: optional(form, 'memberConsent') };
    const outcome = await mutate(event, CancelTransferMutation, { input: { ...base, ...values } });
    return answer('cancel', outcome, outcome.data?.cancelTransfer, 'Đã rút đề nghị chuyển sinh hoạt.', values);
  },
  review: async (event) => {
    const { form, base } = await dossierForm(event);
    const fieldErrors: Record<string, string> = {};
    const values = { meetingOn: text(form, 'meetingOn'), conclusion: text(form, 'conclusion') };
    const meetingOn = dayOf(form, 'meetingOn', fieldErrors);
    if (!meetingOn) return stopped('review', fieldErrors, values);
    const outcome = await mutate(event, ReviewTransferMutation, { input: { ...base, meetingOn, conclusion: values.conclusion } });
    return answer('review', outcome, outcome.data?.reviewTransfer, 'Đã ghi kết quả họp chi bộ; hồ sơ chuyển lên cấp cấp giấy giới thiệu.', values);
  },
  returnForCompletion: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { missing: text(form, 'missing') };
    const outcome = await mutate(event, ReturnTransferMutation, { input: { ...base, ...values } });
    return answer('returnForCompletion', outcome, outcome.data?.returnTransferForCompletion, 'Đã trả hồ sơ để đảng viên bổ sung.', values);
  },
  reject: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { reason: text(form, 'reason') };
    const outcome = await mutate(event, RejectTransferMutation, { input: { ...base, ...values } });
    return answer('reject', outcome, outcome.data?.rejectTransfer, 'Đã ghi chi bộ không đồng ý.', values);
  },
  /** The member's identifiers and dues standing are read for the letter now, and vouched for by the API. */
  issueLetter: async (event) => {
    const { base } = await dossierForm(event);
    const { data } = await query(event, TransferLetterVoucherQuery, { id: event.params.id });
    const letterVoucher = data?.transfer?.member.transferLetterVoucher;
    if (!letterVoucher) return refused(403, 'step', { message: 'Đồng chí không có quyền cấp giấy giới thiệu cho đảng viên này.', extra: { step: 'issueLetter' } });
    const outcome = await mutate(event, IssueTransferLetterMutation, { input: { ...base, letterVoucher } });
    return answer('issueLetter', outcome, outcome.data?.issueTransferLetter, 'Đã cấp giấy giới thiệu. Tải về để in, ký và đóng dấu.');
  },
  handOver: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { note: optional(form, 'note') };
    const outcome = await mutate(event, HandOverTransferMutation, { input: { ...base, ...values } });
    return answer('handOver', outcome, outcome.data?.handOverTransferDossier, 'Đã ghi niêm phong và giao hồ sơ cho đảng viên.', values);
  },
  replaceLetter: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { policeConfirmation: text(form, 'policeConfirmation'), circumstances: text(form, 'circumstances') };
    const outcome = await mutate(event, ReplaceLostLetterMutation, { input: { ...base, ...values } });
    return answer('replaceLetter', outcome, outcome.data?.replaceLostTransferLetter, 'Đã cấp lại giấy giới thiệu; số giấy cũ không còn giá trị.', values);
  },
  receive: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { lateReason: optional(form, 'lateReason') };
    const outcome = await mutate(event, ReceiveTransferMutation, { input: { ...base, ...values } });
    return answer('receive', outcome, outcome.data?.receiveTransfer, 'Đã ghi nhận đảng viên xuất trình giấy giới thiệu và hồ sơ.', values);
  },
  /** Records the items ticked as found present, each with who and when; acceptance waits for all of them. */
  checkItems: async (event) => {
    const { form } = await dossierForm(event);
    const outcome = await checkTicked(event, form);
    return answer('accept', outcome, outcome.data?.checkTransferDossierItems, 'Đã ghi các thành phần hồ sơ đã kiểm.');
  },
  /** Acceptance follows the check of every item of the dossier (docs/rules/transfers.md#what-the-receiving-side-checks): the items ticked are recorded first. */
  accept: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { rosterNumber: optional(form, 'rosterNumber'), note: optional(form, 'note') };
    const rosterNumber = values.rosterNumber === null ? null : Number(values.rosterNumber);
    if (rosterNumber !== null && !(Number.isInteger(rosterNumber) && rosterNumber > 0)) return stopped('accept', { rosterNumber: 'Số danh sách là một số nguyên dương.' }, values);
    if (form.getAll('item').length) {
      const checked = await checkTicked(event, form);
      if (!checked.data?.checkTransferDossierItems.transfer) return answer('accept', checked, checked.data?.checkTransferDossierItems, '', values);
    }
    const outcome = await mutate(event, AcceptTransferMutation, { input: { ...base, rosterNumber, note: values.note } });
    return answer('accept', outcome, outcome.data?.acceptTransfer, 'Đã tiếp nhận đảng viên; nơi đi thấy ngay phiếu báo này.', values);
  },
  refuse: async (event) => {
    const { form, base } = await dossierForm(event);
    const values = { reason: text(form, 'reason') };
    const outcome = await mutate(event, RefuseTransferMutation, { input: { ...base, ...values } });
    return answer('refuse', outcome, outcome.data?.refuseTransfer, 'Đã ghi không tiếp nhận, kèm lý do.', values);
  },
  externalReceipt: async (event) => {
    const { form, base } = await dossierForm(event);
    const fieldErrors: Record<string, string> = {};
    const values = { slipReference: text(form, 'slipReference'), receivedOn: text(form, 'receivedOn') };
    const receivedOn = dayOf(form, 'receivedOn', fieldErrors);
    if (!receivedOn) return stopped('externalReceipt', fieldErrors, values);
    const outcome = await mutate(event, RecordExternalReceiptMutation, { input: { ...base, slipReference: values.slipReference, receivedOn } });
    return answer('externalReceipt', outcome, outcome.data?.recordExternalReceipt, 'Đã ghi phiếu báo của nơi đến; hồ sơ hoàn thành.', values);
  },
  extend: async (event) => {
    const { form, base } = await dossierForm(event);
    const fieldErrors: Record<string, string> = {};
    const values = { endsOn: text(form, 'endsOn'), reason: text(form, 'reason') };
    const endsOn = dayOf(form, 'endsOn', fieldErrors);
    if (!endsOn) return stopped('extend', fieldErrors, values);
    const outcome = await mutate(event, ExtendTemporaryTransferMutation, { input: { ...base, endsOn, reason: values.reason } });
    return answer('extend', outcome, outcome.data?.extendTemporaryTransfer, 'Đã gia hạn sinh hoạt tạm thời.', values);
  },
  end: async (event) => {
    const { form, base } = await dossierForm(event);
    const fieldErrors: Record<string, string> = {};
    const values = { endedOn: text(form, 'endedOn'), note: optional(form, 'note') };
    const endedOn = dayOf(form, 'endedOn', fieldErrors);
    if (!endedOn) return stopped('end', fieldErrors, values);
    const outcome = await mutate(event, EndTemporaryTransferMutation, { input: { ...base, endedOn, note: values.note } });
    return answer('end', outcome, outcome.data?.endTemporaryTransfer, 'Đã kết thúc sinh hoạt tạm thời; đảng viên trở về sinh hoạt ở chi bộ nhà.', values);
  },
  /** A scan of the letter's QR code where the paper dossier changed hands: recorded, the dossier's state unchanged. */
  handover: async (event) => {
    const form = await event.request.formData();
    const values = { place: optional(form, 'place') };
    const input = { code: text(form, 'code'), letterNumber: text(form, 'letterNumber'), place: values.place };
    const outcome = await mutate(event, RecordHandoverMutation, { input });
    return answer('handover', outcome, outcome.data?.recordTransferHandover, 'Đã ghi lần bàn giao hồ sơ này.', values);
  },
};

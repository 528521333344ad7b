import { DAY_INPUT_HINT, parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { Gender, MembershipKind, UserErrorFieldsFragment } from '#lib/graphql/generated/graphql.ts';
import { mutate } from '#lib/server/gateway.ts';
import { decideIdentityEdit, withdrawIdentityEdit } from '#lib/server/identity-edit-actions.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import {
  MemberIdentityQuery,
  ProposeIdentityEditMutation,
  ProposeOfficialRecognitionMutation,
  RecognizeOfficialMemberMutation,
  RejectOfficialRecognitionMutation,
} from './identity.graphql.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The member's identity fields, their proposed corrections, and what the viewer may do with them. */
export const load: PageServerLoad = async (event) => ({
  member: await loadRecord(event, MemberIdentityQuery, { id: event.params.id }, (data) => data.member),
});

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

type Say = Parameters<typeof settle>[2];
type Outcome = { code: string | null; payload: { userErrors: readonly UserErrorFieldsFragment[] } | null | undefined };

/**
 * A recognition step carrying a record (day, reference, scan's file name): the day read as typed, then the
 * mutation; the API names the record's fields `<record>.x`, the form names them `x`.
 */
async function withRecord(
  event: RequestEvent,
  action: 'proposeRecognition' | 'recognize',
  record: 'resolution' | 'decision',
  send: (record: { decidedOn: string; reference: string; attachmentName: string | null }) => Promise<Outcome>,
  say: Say,
) {
  const form = await event.request.formData();
  const values = { decidedOn: text(form, 'decidedOn'), reference: text(form, 'reference'), attachmentName: text(form, 'attachmentName') };
  const decidedOn = parseDayInput(values.decidedOn ?? '');
  if (!decidedOn) return refused(400, action, { fieldErrors: { decidedOn: `Ngày không đúng. ${DAY_INPUT_HINT}` }, values });
  const { code, payload } = await send({ decidedOn, reference: values.reference ?? '', attachmentName: values.attachmentName });
  const prefix = new RegExp(`^${record}\\.`);
  const beside = payload && { ...payload, userErrors: payload.userErrors.map((e) => ({ ...e, field: e.field?.replace(prefix, '') ?? null })) };
  return settle(action, { code, payload: beside }, say, values);
}

export const actions: Actions = {
  /** The form holds the record's values; only those changed are proposed (the API leaves the others out). */
  propose: async (event) => {
    const form = await event.request.formData();
    const values = {
      fullName: text(form, 'fullName'),
      gender: text(form, 'gender'),
      birthDate: text(form, 'birthDate'),
      citizenId: text(form, 'citizenId'),
      membershipKind: text(form, 'membershipKind'),
      officialOn: text(form, 'officialOn'),
      reason: text(form, 'reason'),
    };
    const birthDate = values.birthDate ? parseDayInput(values.birthDate) : null;
    const officialOn = values.officialOn ? parseDayInput(values.officialOn) : null;
    const fieldErrors: Record<string, string> = {};
    if (values.birthDate && !birthDate) fieldErrors.birthDate = `Ngày không đúng. ${DAY_INPUT_HINT}`;
    if (values.officialOn && !officialOn) fieldErrors.officialOn = `Ngày không đúng. ${DAY_INPUT_HINT}`;
    if (Object.keys(fieldErrors).length) return refused(400, 'propose', { fieldErrors, values });
    const input = {
      memberId: event.params.id,
      fullName: values.fullName,
      gender: values.gender as Gender | null,
      birthDate,
      citizenId: values.citizenId,
      membershipKind: values.membershipKind as MembershipKind | null,
      // An empty official date clears it (a member recorded official by mistake).
      officialOn,
      reason: values.reason ?? '',
    };
    const { data, code } = await mutate(event, ProposeIdentityEditMutation, { input });
    return settle(
      'propose',
      { code, payload: data?.proposeIdentityEdit },
      { forbidden: 'Đồng chí không có quyền đề nghị sửa lý lịch của đảng viên này.', done: 'Đã gửi đề nghị; cấp ủy cơ sở quản lý hồ sơ sẽ xem xét, duyệt.' },
      values,
    );
  },
  /** The cell's resolution proposing recognition as official, with its record. */
  proposeRecognition: (event) =>
    withRecord(event, 'proposeRecognition', 'resolution', async (resolution) => {
      const { data, code } = await mutate(event, ProposeOfficialRecognitionMutation, { input: { memberId: event.params.id, resolution } });
      return { code, payload: data?.proposeOfficialRecognition };
    }, { forbidden: 'Đồng chí không có quyền đề nghị công nhận đảng viên này chính thức.', done: 'Đã ghi nghị quyết của chi bộ; cấp ủy cấp trên sẽ xem xét, quyết định.' }),
  /** The committee's decision recognizing the member as official, on the cell's resolution. */
  recognize: (event) =>
    withRecord(event, 'recognize', 'decision', async (decision) => {
      const { data, code } = await mutate(event, RecognizeOfficialMemberMutation, { input: { memberId: event.params.id, decision } });
      return { code, payload: data?.recognizeOfficialMember };
    }, { forbidden: 'Đồng chí không có quyền công nhận đảng viên chính thức.', done: 'Đã ghi quyết định công nhận đảng viên chính thức.' }),
  /** The committee does not recognize the member, with its reason. */
  rejectRecognition: async (event) => {
    const form = await event.request.formData();
    const values = { reason: text(form, 'reason') };
    const { data, code } = await mutate(event, RejectOfficialRecognitionMutation, { input: { memberId: event.params.id, reason: values.reason ?? '' } });
    return settle(
      'rejectRecognition',
      { code, payload: data?.rejectOfficialRecognition },
      { forbidden: 'Đồng chí không có quyền quyết định việc công nhận đảng viên chính thức.', done: 'Đã ghi: cấp ủy không công nhận đảng viên chính thức.' },
      values,
    );
  },
  decideEdit: (event) => decideIdentityEdit(event),
  withdrawEdit: (event) => withdrawIdentityEdit(event),
};

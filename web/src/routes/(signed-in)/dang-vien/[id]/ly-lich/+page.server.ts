import { DAY_INPUT_HINT, parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { Gender, MembershipKind } from '#lib/graphql/generated/graphql.ts';
import { mutate } from '#lib/server/gateway.ts';
import { decideIdentityEdit, withdrawIdentityEdit } from '#lib/server/identity-edit-actions.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { MemberIdentityQuery, ProposeIdentityEditMutation } from './identity.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The member's identity fields, their proposed corrections, and what the viewer may do with them. */
export const load: PageServerLoad = async (event) => ({
  member: await loadRecord(event, MemberIdentityQuery, { id: event.params.id }, (data) => data.member),
});

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

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
  decideEdit: (event) => decideIdentityEdit(event),
  withdrawEdit: (event) => withdrawIdentityEdit(event),
};

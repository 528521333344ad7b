import { error, fail } from '@sveltejs/kit';
import { IssueAccountMutation, MemberRecordQuery, UpdateMemberMutation } from '#lib/graphql/operations.ts';
import { mutateSignedIn, querySignedIn } from '#lib/server/gateway.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, MemberRecordQuery, { id: event.params.id });
  if (!data.member) error(404, 'Không tìm thấy đảng viên này.');
  return { member: data.member };
};

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

export const actions: Actions = {
  /** The secretary, deputy or administrator corrects the contact and work details of the record. */
  update: async (event) => {
    const form = await event.request.formData();
    const fields = {
      phone: text(form, 'phone'),
      residenceAddress: text(form, 'residenceAddress') ?? '',
      workplace: text(form, 'workplace'),
      position: text(form, 'position'),
    };
    const input = { id: event.params.id, expectedVersion: Number(form.get('expectedVersion')), ...fields };
    const { data, code } = await mutateSignedIn(event, UpdateMemberMutation, { input });
    if (code === 'FORBIDDEN') return fail(403, { fields, errors: { form: 'Đồng chí không có quyền sửa hồ sơ này.' } as Record<string, string> });
    const payload = data?.updateMember;
    if (!payload) return fail(503, { fields, errors: { form: 'Hệ thống đang bận, chưa lưu được.' } as Record<string, string> });
    if (payload.userErrors.length) {
      return fail(400, { fields, errors: Object.fromEntries(payload.userErrors.map((e) => [e.field ?? 'form', e.message])) as Record<string, string> });
    }
    return { saved: true };
  },
  /** Issues an account; its one-time activation code is shown this once, for the secretary to hand over. */
  issueAccount: async (event) => {
    const { data, code } = await mutateSignedIn(event, IssueAccountMutation, { memberId: event.params.id });
    if (code === 'FORBIDDEN') return fail(403, { accountError: 'Đồng chí không có quyền cấp tài khoản cho đảng viên này.' });
    const payload = data?.issueAccount;
    if (!payload?.account || !payload.activationCode) {
      return fail(400, { accountError: payload?.userErrors[0]?.message ?? 'Chưa cấp được tài khoản.' });
    }
    return { issued: { username: payload.account.username, activationCode: payload.activationCode } };
  },
};

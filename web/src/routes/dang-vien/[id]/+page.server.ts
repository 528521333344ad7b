import { error, fail } from '@sveltejs/kit';
import type { Role } from '#lib/graphql/generated/graphql.ts';
import {
  AccountStatusMutation,
  EndRoleMutation,
  GrantRoleMutation,
  IssueAccountMutation,
  MemberRecordQuery,
  UpdateMemberMutation,
} from '#lib/graphql/operations.ts';
import { grantsOf } from '#lib/server/token.ts';
import { mutateSignedIn, querySignedIn } from '#lib/server/gateway.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, MemberRecordQuery, { id: event.params.id });
  if (!data.member) error(404, 'Không tìm thấy đảng viên này.');
  // Only what the page offers: the services decide whether an administrator's reach covers this member.
  const isAdmin = grantsOf(event.locals.token).some((grant) => grant.role === 'ADMIN');
  return { member: data.member, isAdmin };
};

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

/** Locks, unlocks or revokes the member's account, as the button pressed says. */
async function setAccountStatus(event: RequestEvent, change: 'lock' | 'unlock' | 'revoke') {
  const variables = { memberId: event.params.id!, lock: change === 'lock', unlock: change === 'unlock', revoke: change === 'revoke' };
  const { data, code } = await mutateSignedIn(event, AccountStatusMutation, variables);
  if (code === 'FORBIDDEN') return fail(403, { adminError: 'Chỉ quản trị viên phụ trách tổ chức của đảng viên được làm việc này.' });
  const payload = data?.lockAccount ?? data?.unlockAccount ?? data?.revokeAccount;
  if (!payload) return fail(503, { adminError: 'Hệ thống đang bận, chưa thực hiện được.' });
  if (payload.userErrors.length) return fail(400, { adminError: payload.userErrors[0]!.message });
  return { adminDone: true };
}

/** An administrator's account and role actions; the page offers them to administrators only. */
const adminActions = {
  lock: (event: RequestEvent) => setAccountStatus(event, 'lock'),
  unlock: (event: RequestEvent) => setAccountStatus(event, 'unlock'),
  revoke: (event: RequestEvent) => setAccountStatus(event, 'revoke'),
  grantRole: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const input = {
      memberId: event.params.id!,
      role: String(form.get('role')) as Role,
      organizationId: String(form.get('organizationId')),
      startsOn: String(form.get('startsOn') ?? '') || null,
    };
    const { data, code } = await mutateSignedIn(event, GrantRoleMutation, { input });
    if (code === 'FORBIDDEN') return fail(403, { adminError: 'Chỉ quản trị viên phụ trách tổ chức đó được giao chức trách.' });
    const payload = data?.grantRole;
    if (!payload) return fail(503, { adminError: 'Hệ thống đang bận, chưa thực hiện được.' });
    if (payload.userErrors.length) return fail(400, { adminError: payload.userErrors[0]!.message });
    return { adminDone: true };
  },
  endRole: async (event: RequestEvent) => {
    const form = await event.request.formData();
    const { data, code } = await mutateSignedIn(event, EndRoleMutation, { input: { grantId: String(form.get('grantId')) } });
    if (code === 'FORBIDDEN') return fail(403, { adminError: 'Chỉ quản trị viên phụ trách tổ chức đó được kết thúc chức trách.' });
    const payload = data?.endRole;
    if (!payload) return fail(503, { adminError: 'Hệ thống đang bận, chưa thực hiện được.' });
    if (payload.userErrors.length) return fail(400, { adminError: payload.userErrors[0]!.message });
    return { adminDone: true };
  },
};

export const actions: Actions = {
  ...adminActions,
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


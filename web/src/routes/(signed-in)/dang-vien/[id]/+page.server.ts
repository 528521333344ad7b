import { error } from '@sveltejs/kit';
import { settle } from '#lib/form-result.ts';
import type { Role } from '#lib/graphql/generated/graphql.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import {
  AccountStatusMutation,
  EndRoleMutation,
  GrantRoleMutation,
  IssueAccountMutation,
  MemberRecordQuery,
  UpdateMemberMutation,
} from './member-record.graphql.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { member } = await loadQuery(event, MemberRecordQuery, { id: event.params.id });
  if (!member) error(404, 'Không tìm thấy đảng viên này.');
  return { member };
};

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

const ACCOUNT_DONE = {
  lock: 'Tài khoản đã bị khóa: đảng viên không đăng nhập được cho đến khi được mở khóa.',
  unlock: 'Đã mở khóa tài khoản.',
  revoke: 'Đã thu hồi tài khoản.',
};

/** Locks, unlocks or revokes the member's account, as the button pressed says. */
async function setAccountStatus(event: RequestEvent, change: 'lock' | 'unlock' | 'revoke') {
  const variables = { input: { memberId: event.params.id }, lock: change === 'lock', unlock: change === 'unlock', revoke: change === 'revoke' };
  const { data, code } = await mutate(event, AccountStatusMutation, variables);
  return settle(
    'account',
    { code, payload: data?.lockAccount ?? data?.unlockAccount ?? data?.revokeAccount },
    { forbidden: 'Chỉ quản trị viên phụ trách tổ chức của đảng viên được làm việc này.', done: ACCOUNT_DONE[change] },
  );
}

export const actions: Actions = {
  lock: (event) => setAccountStatus(event, 'lock'),
  unlock: (event) => setAccountStatus(event, 'unlock'),
  revoke: (event) => setAccountStatus(event, 'revoke'),
  /** Issues an account; its one-time activation code is shown this once, for the secretary to hand over. */
  issueAccount: async (event) => {
    const { data, code } = await mutate(event, IssueAccountMutation, { input: { memberId: event.params.id } });
    const payload = data?.issueAccount;
    return settle(
      'account',
      { code, payload },
      {
        forbidden: 'Đồng chí không có quyền cấp tài khoản cho đảng viên này.',
        done: null,
        extra: ({ account, activationCode }) => (account && activationCode ? { username: account.username, activationCode } : null),
      },
    );
  },
  grantRole: async (event) => {
    const form = await event.request.formData();
    const values = { role: text(form, 'role'), organizationId: text(form, 'organizationId'), startsOn: text(form, 'startsOn') };
    const input = { memberId: event.params.id, role: values.role as Role, organizationId: values.organizationId ?? '', startsOn: values.startsOn };
    const { data, code } = await mutate(event, GrantRoleMutation, { input });
    return settle(
      'roles',
      { code, payload: data?.grantRole },
      { forbidden: 'Chỉ quản trị viên phụ trách tổ chức đó được giao chức trách.', done: 'Đã giao chức trách.' },
      values,
    );
  },
  endRole: async (event) => {
    const form = await event.request.formData();
    const { data, code } = await mutate(event, EndRoleMutation, { input: { grantId: String(form.get('grantId')) } });
    return settle(
      'roles',
      { code, payload: data?.endRole },
      { forbidden: 'Chỉ quản trị viên phụ trách tổ chức đó được kết thúc chức trách.', done: 'Đã kết thúc chức trách.' },
    );
  },
  /** The secretary, deputy or administrator corrects the contact and work details of the record. */
  update: async (event) => {
    const form = await event.request.formData();
    const values = {
      phone: text(form, 'phone'),
      residenceAddress: text(form, 'residenceAddress'),
      workplace: text(form, 'workplace'),
      position: text(form, 'position'),
    };
    const input = { id: event.params.id, expectedVersion: Number(form.get('expectedVersion')), ...values, residenceAddress: values.residenceAddress ?? '' };
    const { data, code } = await mutate(event, UpdateMemberMutation, { input });
    return settle(
      'update',
      { code, payload: data?.updateMember },
      { forbidden: 'Đồng chí không có quyền sửa hồ sơ này.', done: 'Đã lưu hồ sơ.' },
      values,
    );
  },
};

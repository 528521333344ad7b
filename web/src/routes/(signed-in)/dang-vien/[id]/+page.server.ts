import { askFirst, isConfirmed, refused, settle } from '#lib/form-result.ts';
import type { Role } from '#lib/graphql/generated/graphql.ts';
import { parseDayInput } from '#lib/day-input.ts';
import { mutate, query } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { vietnamDay } from '#lib/vietnam-time.ts';
import {
  AccountStatusMutation,
  EndRoleMutation,
  GrantRoleMutation,
  IssueCodeMutation,
  MemberRecordQuery,
  UpdateMemberMutation,
} from './member-record.graphql.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * A finance member opens the record too: its personal parts then answer null, and the page shows the rest. The
 * dues standing is not for everyone who may open it (a support-team member, a processing officer): refused, the
 * record comes again without it.
 */
export const load: PageServerLoad = async (event) => ({
  member:
    (await query(event, MemberRecordQuery, { id: event.params.id, withDues: true })).data?.member ??
    (await loadRecord(event, MemberRecordQuery, { id: event.params.id, withDues: false }, (data) => data.member)),
  today: vietnamDay(new Date()),
  activationUrl: new URL('/kich-hoat', event.url).href,
});

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

const ACCOUNT_DONE = {
  lock: 'Tài khoản đã bị khóa: đảng viên không đăng nhập được cho đến khi được mở khóa.',
  unlock: 'Đã mở khóa tài khoản.',
  revoke: 'Đã thu hồi tài khoản.',
};

/** Locks, unlocks or revokes the member's account, as the button pressed says; locking and revoking ask first. */
async function setAccountStatus(event: RequestEvent, change: 'lock' | 'unlock' | 'revoke') {
  if (change !== 'unlock' && !isConfirmed(await event.request.formData())) return askFirst('account', change);
  const variables = { input: { memberId: event.params.id }, lock: change === 'lock', unlock: change === 'unlock', revoke: change === 'revoke' };
  const { data, code } = await mutate(event, AccountStatusMutation, variables);
  return settle(
    'account',
    { code, payload: data?.lockAccount ?? data?.unlockAccount ?? data?.revokeAccount },
    { forbidden: 'Chỉ quản trị viên phụ trách tổ chức của đảng viên được làm việc này.', done: ACCOUNT_DONE[change] },
  );
}

/** What the page shows of a code just handed out, this once: the member's slip is printed from it. */
export interface IssuedCode {
  username: string;
  activationCode: string;
  expiresAt: string;
}

/**
 * Issues the account, or a new one-time code for it (the old password and second factor stop working, so
 * that asks first). The code is shown this once, for the officer to hand over on the printed slip.
 */
async function issueCode(event: RequestEvent, kind: 'issue' | 'reissue') {
  if (kind === 'reissue' && !isConfirmed(await event.request.formData())) return askFirst('account', 'reissue');
  const { data, code } = await mutate(event, IssueCodeMutation, { input: { memberId: event.params.id }, issue: kind === 'issue', reissue: kind === 'reissue' });
  return settle(
    'account',
    { code, payload: data?.issueAccount ?? data?.reissueAccount },
    {
      forbidden: 'Đồng chí không có quyền cấp tài khoản cho đảng viên này.',
      done: null,
      extra: ({ account, activationCode, activationExpiresAt }): IssuedCode | null =>
        account && activationCode && activationExpiresAt ? { username: account.username, activationCode, expiresAt: activationExpiresAt } : null,
    },
  );
}

export const actions: Actions = {
  lock: (event) => setAccountStatus(event, 'lock'),
  unlock: (event) => setAccountStatus(event, 'unlock'),
  revoke: (event) => setAccountStatus(event, 'revoke'),
  issueAccount: (event) => issueCode(event, 'issue'),
  reissueAccount: (event) => issueCode(event, 'reissue'),
  grantRole: async (event) => {
    const form = await event.request.formData();
    const values = { role: text(form, 'role'), organizationId: text(form, 'organizationId'), startsOn: text(form, 'startsOn') };
    const startsOn = values.startsOn === null ? null : parseDayInput(values.startsOn);
    if (values.startsOn !== null && startsOn === null) {
      return refused(400, 'roles', { fieldErrors: { startsOn: 'Ngày chưa đúng: hãy ghi ngày/tháng/năm, ví dụ 25/12/2026.' }, values });
    }
    const input = { memberId: event.params.id, role: values.role as Role, organizationId: values.organizationId ?? '', startsOn };
    const { data, code } = await mutate(event, GrantRoleMutation, { input });
    return settle(
      'roles',
      { code, payload: data?.grantRole },
      { forbidden: 'Chỉ quản trị viên phụ trách tổ chức đó được giao chức trách.', done: 'Đã giao chức trách.' },
      values,
    );
  },
  /** Ending a role cannot be undone (a new grant would be needed): the page asks first, naming the grant. */
  endRole: async (event) => {
    const form = await event.request.formData();
    const grantId = String(form.get('grantId') ?? '');
    if (!isConfirmed(form)) return askFirst('roles', 'endRole', { grantId });
    const { data, code } = await mutate(event, EndRoleMutation, { input: { grantId } });
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

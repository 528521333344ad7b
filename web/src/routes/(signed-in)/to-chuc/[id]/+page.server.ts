import { settle } from '#lib/form-result.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { OrganizationPageQuery, OrganizationRestrictedQuery, RequireSecondFactorMutation, SetBankAccountMutation } from './organization.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** Anyone may open an organization of the tree; its officers' names answer null to those who may not read them (a neighbouring cell's members), and the page shows the rest. */
export const load: PageServerLoad = async (event) => {
  const { organization, banks } = await loadRecord(event, OrganizationPageQuery, { id: event.params.id }, (data) =>
    data.organization ? { organization: data.organization, banks: data.banks } : null,
  );
  const { listMembers, requireSecondFactor } = organization.viewerCan;
  const restricted =
    listMembers || requireSecondFactor
      ? (await loadQuery(event, OrganizationRestrictedQuery, { id: event.params.id, members: listMembers, secondFactor: requireSecondFactor }))
          .organization
      : null;
  return {
    organization,
    banks,
    members: restricted?.members ?? null,
    secondFactorRequired: restricted?.secondFactorRequired ?? null,
  };
};

export const actions: Actions = {
  /** The organization's dues account, set by its own secretary or finance member, or an officer of a committee above. */
  bankAccount: async (event) => {
    const form = await event.request.formData();
    const values = {
      bankBin: String(form.get('bankBin') ?? ''),
      accountNumber: String(form.get('accountNumber') ?? ''),
      holderName: String(form.get('holderName') ?? ''),
    };
    const { data, code } = await mutate(event, SetBankAccountMutation, { input: { organizationId: event.params.id, ...values } });
    return settle(
      'bankAccount',
      { code, payload: data?.setBankAccount },
      { forbidden: 'Chỉ bí thư, ủy viên quản lý tài chính của tổ chức này hoặc cấp ủy viên cấp trên được đặt tài khoản.', done: 'Đã lưu tài khoản nhận đảng phí.' },
      values,
    );
  },
  /** Whether the role holders of the organization's subtree must sign in with a second factor: its administrators decide. */
  secondFactor: async (event) => {
    const required = (await event.request.formData()).get('required') === 'true';
    const { data, code } = await mutate(event, RequireSecondFactorMutation, { input: { organizationId: event.params.id, required } });
    return settle(
      'secondFactor',
      { code, payload: data?.requireSecondFactor },
      {
        forbidden: 'Chỉ quản trị viên phụ trách tổ chức này được thay đổi yêu cầu.',
        notFound: 'Tổ chức chưa có đảng viên nên chưa cần đặt yêu cầu này.',
        done: (payload) =>
          payload.required
            ? 'Đã bắt buộc xác thực hai lớp cho người giữ chức trách của tổ chức này.'
            : 'Đã bỏ yêu cầu xác thực hai lớp cho người giữ chức trách của tổ chức này.',
      },
    );
  },
};

import { error, fail } from '@sveltejs/kit';
import {
  OrganizationMembersQuery,
  OrganizationPageQuery,
  OrganizationSecondFactorQuery,
  RequireSecondFactorMutation,
  SetBankAccountMutation,
} from '#lib/graphql/operations.ts';
import { mutateSignedIn, queryIfAllowed, querySignedIn } from '#lib/server/gateway.ts';
import { grantsOf } from '#lib/server/token.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, OrganizationPageQuery, { id: event.params.id });
  if (!data.organization) error(404, 'Không tìm thấy tổ chức đảng này.');
  const grants = grantsOf(event.locals.token);
  const mayEditAccount = grants.some(
    (grant) => grant.orgId === event.params.id && (grant.role === 'SECRETARY' || grant.role === 'FINANCE_MEMBER'),
  );
  const [listed, secondFactor] = await Promise.all([
    // Only officers over the organization may list its members; for anyone else the list is simply absent.
    queryIfAllowed(event, OrganizationMembersQuery, { id: event.params.id }),
    // Only administrators are asked; the API answers those whose reach covers this organization.
    grants.some((grant) => grant.role === 'ADMIN') ? queryIfAllowed(event, OrganizationSecondFactorQuery, { id: event.params.id }) : null,
  ]);
  return {
    organization: data.organization,
    banks: data.banks,
    mayEditAccount,
    members: listed?.organization?.members ?? null,
    secondFactorRequired: secondFactor?.organization?.secondFactorRequired ?? null,
  };
};

export const actions: Actions = {
  /** The organization's dues account, set by its own secretary or finance member. */
  bankAccount: async (event) => {
    const form = await event.request.formData();
    const input = {
      organizationId: event.params.id,
      bankBin: String(form.get('bankBin') ?? ''),
      accountNumber: String(form.get('accountNumber') ?? ''),
      holderName: String(form.get('holderName') ?? ''),
    };
    const { data, code } = await mutateSignedIn(event, SetBankAccountMutation, { input });
    if (code === 'FORBIDDEN') {
      return fail(403, { ...input, errors: { form: 'Chỉ bí thư hoặc ủy viên quản lý tài chính của chính tổ chức này được đặt tài khoản.' } });
    }
    const payload = data?.setBankAccount;
    if (!payload) return fail(503, { ...input, errors: { form: 'Hệ thống đang bận, chưa lưu được. Vui lòng thử lại sau ít phút.' } });
    if (payload.userErrors.length) {
      const errors = Object.fromEntries(payload.userErrors.map((e) => [e.field ?? 'form', e.message]));
      return fail(400, { ...input, errors });
    }
    return { saved: true };
  },
  /** Whether the role holders of the organization's subtree must sign in with a second factor: its administrators decide. */
  secondFactor: async (event) => {
    const required = (await event.request.formData()).get('required') === 'true';
    const { data, code } = await mutateSignedIn(event, RequireSecondFactorMutation, { organizationId: event.params.id, required });
    if (code === 'FORBIDDEN') return fail(403, { secondFactorError: 'Chỉ quản trị viên phụ trách tổ chức này được thay đổi yêu cầu.' });
    if (code === 'NOT_FOUND') return fail(404, { secondFactorError: 'Tổ chức chưa có đảng viên nên chưa cần đặt yêu cầu này.' });
    const payload = data?.requireSecondFactor;
    if (!payload) return fail(503, { secondFactorError: 'Hệ thống đang bận, chưa thực hiện được. Vui lòng thử lại sau ít phút.' });
    if (payload.userErrors.length) return fail(400, { secondFactorError: payload.userErrors[0]!.message });
    return { secondFactorRequired: payload.required };
  },
};

import { error, fail } from '@sveltejs/kit';
import { OrganizationMembersQuery, OrganizationPageQuery, SetBankAccountMutation } from '#lib/graphql/operations.ts';
import { mutateSignedIn, queryIfAllowed, querySignedIn } from '#lib/server/gateway.ts';
import { grantsOf } from '#lib/server/token.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, OrganizationPageQuery, { id: event.params.id });
  if (!data.organization) error(404, 'Không tìm thấy tổ chức đảng này.');
  const mayEditAccount = grantsOf(event.locals.token).some(
    (grant) => grant.orgId === event.params.id && (grant.role === 'SECRETARY' || grant.role === 'FINANCE_MEMBER'),
  );
  // Only officers over the organization may list its members; for anyone else the list is simply absent.
  const members = (await queryIfAllowed(event, OrganizationMembersQuery, { id: event.params.id }))?.organization?.members ?? null;
  return { organization: data.organization, banks: data.banks, mayEditAccount, members };
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
};

import { GATEWAY_URL } from '$app/env/private';
import { fail, redirect } from '@sveltejs/kit';
import { createGraphQLClient } from '#lib/graphql/client.ts';
import { LoginMutation } from '#lib/graphql/operations.ts';
import { ROLES_WITHHELD_QUERY, saveToken } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.token) redirect(303, '/ho-so');
};

export const actions: Actions = {
  default: async ({ request, cookies, url, fetch }) => {
    const form = await request.formData();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const totpCode = String(form.get('totpCode') ?? '').trim() || null;
    if (!username || !password) {
      return fail(400, { username, message: 'Vui lòng nhập tên đăng nhập và mật khẩu.', codeMessage: null });
    }
    const { client } = createGraphQLClient({ url: GATEWAY_URL, fetch, isClient: false });
    const result = await client.mutation(LoginMutation, { username, password, totpCode }).toPromise();
    const login = result.data?.login;
    if (!login) {
      return fail(503, { username, message: 'Hệ thống đang bận, chưa đăng nhập được. Vui lòng thử lại sau ít phút.', codeMessage: null });
    }
    if (!login.token || !login.expiresAt) {
      const problem = login.userErrors[0];
      // The password was right; the account also asks for its second factor's current code.
      if (problem?.field === 'totpCode') return fail(400, { username, message: null, codeMessage: problem.message });
      return fail(400, { username, message: problem?.message ?? 'Đăng nhập không thành công.', codeMessage: null });
    }
    saveToken(cookies, url, login.token, login.expiresAt);
    // Signed in, but the roles wait until the account has the second factor its organization requires.
    redirect(303, login.rolesWithheld ? `/bao-mat?${ROLES_WITHHELD_QUERY}` : '/ho-so');
  },
};

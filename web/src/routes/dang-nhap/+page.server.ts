import { redirect } from '@sveltejs/kit';
import { BUSY, refused } from '#lib/form-result.ts';
import { mutateAnonymously } from '#lib/server/gateway.ts';
import { ROLES_WITHHELD_QUERY, saveToken } from '#lib/session.ts';
import { LoginMutation } from './login.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.token) redirect(303, '/ho-so');
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const totpCode = String(form.get('totpCode') ?? '').trim() || null;
    const values = { username };
    if (!username || !password) return refused(400, 'login', { fieldErrors: { password: 'Vui lòng nhập tên đăng nhập và mật khẩu.' }, values });
    const { data } = await mutateAnonymously(event, LoginMutation, { input: { username, password, totpCode } });
    const login = data?.login;
    if (!login) return refused(503, 'login', { message: BUSY, values });
    if (!login.token || !login.expiresAt) {
      const problem = login.userErrors[0];
      // The password was right; the account also asks for its second factor's current code. Any other
      // refusal is said at the password, so as not to tell which of the two was wrong.
      const field = problem?.field === 'totpCode' ? 'totpCode' : 'password';
      return refused(400, 'login', { fieldErrors: { [field]: problem?.message ?? 'Đăng nhập không thành công.' }, values });
    }
    saveToken(event.cookies, event.url, login.token, login.expiresAt);
    // Signed in, but the roles wait until the account has the second factor its organization requires.
    redirect(303, login.rolesWithheld ? `/bao-mat?${ROLES_WITHHELD_QUERY}` : '/ho-so');
  },
};

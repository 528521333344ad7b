import { redirect } from '@sveltejs/kit';
import { BUSY, refused } from '#lib/form-result.ts';
import { RETURN_PARAM, safeReturn } from '#lib/return-to.ts';
import { signIn } from '#lib/server/sign-in.ts';
import type { Actions, PageServerLoad } from './$types';

/** The page the visitor was on when their session ended, which signing in leads back to. */
const returnOf = (url: URL) => safeReturn(url.searchParams.get(RETURN_PARAM));

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.token) redirect(303, returnOf(url) ?? '/ho-so');
  return { returning: returnOf(url) !== null };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const totpCode = String(form.get('totpCode') ?? '').trim() || null;
    const values = { username };
    if (!username || !password) return refused(400, 'login', { fieldErrors: { password: 'Vui lòng nhập tên đăng nhập và mật khẩu.' }, values });
    const outcome = await signIn(event, { username, password, totpCode }, returnOf(event.url));
    if (!outcome) return refused(503, 'login', { message: BUSY, values });
    // The password was right; the account also asks for its second factor's current code. Any other
    // refusal is said at the password, so as not to tell which of the two was wrong.
    const field = outcome.refusal?.field === 'totpCode' ? 'totpCode' : 'password';
    return refused(400, 'login', { fieldErrors: { [field]: outcome.refusal?.message ?? 'Đăng nhập không thành công.' }, values });
  },
};

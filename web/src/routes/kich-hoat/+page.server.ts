import { isActionFailure } from '@sveltejs/kit';
import { refused, settle } from '#lib/form-result.ts';
import { passwordsDiffer } from '#lib/new-password.ts';
import { mutateAnonymously } from '#lib/server/gateway.ts';
import { signIn } from '#lib/server/sign-in.ts';
import { ActivateAccountMutation } from './activation.graphql.ts';
import type { Actions } from './$types';

const ACTIVATED = 'Đã kích hoạt tài khoản. Mời đồng chí đăng nhập bằng mật khẩu vừa đặt.';

export const actions: Actions = {
  /**
   * The member's first step, without signing in: the username and one-time code from the slip, and a password
   * of their own (docs/rules/accounts.md#activation). Activated, they are signed in with it straight away.
   */
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '').trim();
    const activationCode = String(form.get('activationCode') ?? '').trim();
    const password = String(form.get('password') ?? '');
    // What was typed comes back with a refusal, the passwords never.
    const values = { username, activationCode, password: null, passwordAgain: null };
    const missing = {
      ...(username ? {} : { username: 'Hãy nhập tên đăng nhập ghi trên phiếu kích hoạt.' }),
      ...(activationCode ? {} : { activationCode: 'Hãy nhập mã kích hoạt ghi trên phiếu.' }),
    };
    const differ = passwordsDiffer(password, String(form.get('passwordAgain') ?? ''));
    if (Object.keys(missing).length || differ) return refused(400, 'activate', { fieldErrors: { ...missing, ...(differ ? { passwordAgain: differ } : {}) }, values });
    const { data, code } = await mutateAnonymously(event, ActivateAccountMutation, { input: { username, activationCode, password } });
    const answer = settle('activate', { code, payload: data?.activateAccount }, { done: ACTIVATED }, values);
    if (isActionFailure(answer)) return answer;
    await signIn(event, { username, password, totpCode: null });
    // Activated, but signing in did not go through at once: the page says so and leads to the login page.
    return answer;
  },
};

import { refused, settle } from '#lib/form-result.ts';
import { passwordsDiffer } from '#lib/new-password.ts';
import { mutate } from '#lib/server/gateway.ts';
import { ChangePasswordMutation } from './change-password.graphql.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  /** The member's own new password, proving the current one (docs/rules/accounts.md#changing-the-password). */
  default: async (event) => {
    const form = await event.request.formData();
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    // No password ever comes back to the page; the keys name the fields a refusal stands beside.
    const values = { currentPassword: null, newPassword: null, newPasswordAgain: null };
    const differ = passwordsDiffer(newPassword, String(form.get('newPasswordAgain') ?? ''));
    if (!currentPassword) return refused(400, 'changePassword', { fieldErrors: { currentPassword: 'Hãy nhập mật khẩu đang dùng.' }, values });
    if (differ) return refused(400, 'changePassword', { fieldErrors: { newPasswordAgain: differ }, values });
    const { data, code } = await mutate(event, ChangePasswordMutation, { input: { currentPassword, newPassword } });
    return settle(
      'changePassword',
      { code, payload: data?.changePassword },
      {
        notFound: 'Tài khoản của đồng chí chưa kích hoạt hoặc đang bị khóa nên chưa đổi được mật khẩu.',
        done: 'Đã đổi mật khẩu. Từ lần đăng nhập sau, đồng chí dùng mật khẩu mới.',
      },
      values,
    );
  },
};

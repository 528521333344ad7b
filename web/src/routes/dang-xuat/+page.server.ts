import { redirect } from '@sveltejs/kit';
import { clearToken } from '#lib/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: ({ cookies, url }) => {
    clearToken(cookies, url);
    redirect(303, '/dang-nhap');
  },
};

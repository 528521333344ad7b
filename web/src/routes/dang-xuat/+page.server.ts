import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/gateway.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  /** The API ends the session too, so that a copied token stops working within seconds. */
  default: async (event) => {
    await signOut(event);
    redirect(303, '/dang-nhap');
  },
};

import { redirect } from '@sveltejs/kit';
import { signInAddress } from '#lib/return-to.ts';
import type { LayoutServerLoad } from './$types';

/**
 * Every page of this group is for signed-in members: without a session the visitor signs in first, and comes back to the page. Page loads
 * run beside this one, so a query they send without a session is refused by the API, and the gateway helper
 * sends the visitor to the same place.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.token) redirect(303, signInAddress(url));
};

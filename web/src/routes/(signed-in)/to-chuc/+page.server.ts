import { redirect } from '@sveltejs/kit';
import { loadQuery } from '#lib/server/gateway.ts';
import { MyOrganizationQuery } from './own-organization.graphql.ts';
import type { PageServerLoad } from './$types';

/** The tree opens at the visitor's own organization. */
export const load: PageServerLoad = async (event) => {
  const { me } = await loadQuery(event, MyOrganizationQuery, {});
  redirect(303, me ? `/to-chuc/${me.organization.id}` : '/ho-so');
};

import { redirect } from '@sveltejs/kit';
import { MyOrganizationQuery } from '#lib/graphql/operations.ts';
import { querySignedIn } from '#lib/server/gateway.ts';
import type { PageServerLoad } from './$types';

/** The tree opens at the visitor's own organization. */
export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, MyOrganizationQuery, {});
  redirect(303, data.me ? `/to-chuc/${data.me.organization.id}` : '/ho-so');
};

import { loadQuery, query } from '#lib/server/gateway.ts';
import { CommentsHomeQuery, OrganizationCommentsQuery } from './comments.graphql.ts';
import type { PageServerLoad } from './$types';

/**
 * The procedure's home: what was asked about the viewer, and for each organization where their roles are, what
 * waits on it as residence cell or commune committee and what it asked. Parts the viewer may not read answer
 * null (a finance member sees no inbox) and are left out.
 */
export const load: PageServerLoad = async (event) => {
  const { me, viewerCan } = await loadQuery(event, CommentsHomeQuery, {});
  const organizations = await Promise.all(
    viewerCan.homeOrganizations.map(async (home) => (await query(event, OrganizationCommentsQuery, { id: home.id })).data?.organization ?? null),
  );
  return { mine: me?.residenceComments ?? [], organizations: organizations.filter((o) => o !== null) };
};

import { definePolicy, type Identity } from '@dangvu/subgraph-kit';

/** A root organization's path has one segment: '/<id>/'. */
const ROOT_PATH = /^\/[^/]+\/$/;

/** The grants that make the caller an administrator of a root organization (docs/rules/working-days.md#the-yearly-schedule-adjustments). */
export const rootAdminGrants = (identity: Identity) => identity.grants.filter((grant) => grant.role === 'ADMIN' && ROOT_PATH.test(grant.orgPath));

/** Each ability of the transfers subgraph, named once. */
export const policy = definePolicy({
  /** A member's dossiers: the member, and the secretary, deputy or administrator over the member's organization. */
  SEE_TRANSFERS: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'],
    over: (member: { orgPath?: string }) => member.orgPath,
    self: (member: { id: string }) => member.id,
  },
  /** Enter or remove a day of the government's yearly schedule: it changes every deadline in the country. */
  MANAGE_CALENDAR: { roles: ['ADMIN'], when: (identity: Identity) => rootAdminGrants(identity).length > 0 },
});

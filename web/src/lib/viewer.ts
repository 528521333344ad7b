import type { ViewerQuery } from './graphql/generated/graphql.ts';
import { ROLE } from './labels.ts';

/** The signed-in person as the header, the menus and the pages read them. */
export interface Viewer {
  id: string;
  fullName: string;
  /** The roles in force, in words ("Bí thư, Quản trị"), or "Đảng viên" for a member without one. */
  roles: string;
  /** Whether "Tìm đảng viên" leads anywhere. */
  canSearch: boolean;
  /** Where "Tổ chức đảng" opens: each role's home organization, else the member's own. */
  homes: { id: string; name: string }[];
}

/**
 * The viewer from the API's answer on `today` (YYYY-MM-DD, Vietnam's). A role counts when it is in force
 * today at one of the viewer's home organizations: a role the token leaves out (its organization requires a
 * second factor not yet turned on) is not named.
 */
export function viewerOf(answer: ViewerQuery, today: string): Viewer | null {
  const { me, viewerCan } = answer;
  if (!me) return null;
  const homes = new Set(viewerCan.homeOrganizations.map((organization) => organization.id));
  const inForce = (me.roleGrants ?? []).filter(
    (grant) => homes.has(grant.organization.id) && grant.startsOn <= today && (grant.endsOn === null || grant.endsOn === undefined || grant.endsOn > today),
  );
  const roles = [...new Set(inForce.map((grant) => ROLE[grant.role]))];
  return {
    id: me.id,
    fullName: me.fullName,
    roles: roles.join(', ') || 'Đảng viên',
    canSearch: viewerCan.searchMembers,
    homes: viewerCan.homeOrganizations.length ? viewerCan.homeOrganizations : [me.organization],
  };
}

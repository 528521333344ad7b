export const ROLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST', 'PROCESSING_OFFICER', 'SUPPORT_TEAM'] as const;
export type Role = (typeof ROLES)[number];

/** A role on an organization; it reaches the organization's whole subtree (orgPath is its materialized path). */
export interface RoleGrant {
  role: Role;
  orgId: string;
  orgPath: string;
}

/** Who is calling, as verified by the gateway. A person is a member; a partner is a system with read scopes. */
export interface Identity {
  personId: string | null;
  grants: RoleGrant[];
  partner: { clientId: string; scopes: string[] } | null;
}

export const ANONYMOUS: Identity = { personId: null, grants: [], partner: null };

/** Is `orgPath` inside the subtree rooted at `rootPath`? Paths are `/id/…/id/`. */
export function withinSubtree(orgPath: string, rootPath: string): boolean {
  return orgPath.startsWith(rootPath);
}

export function hasRoleOver(identity: Identity, orgPath: string, roles: readonly Role[]): boolean {
  return identity.grants.some((grant) => roles.includes(grant.role) && withinSubtree(orgPath, grant.orgPath));
}

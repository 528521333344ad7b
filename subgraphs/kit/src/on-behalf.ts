import { forbidden } from './errors.ts';
import { hasRoleOver, type Identity, type Role } from './identity.ts';

/** Who may carry out a member's own step for them: an elderly member, one without a smartphone (docs/rules/roles.md#on-behalf-steps). */
export const ON_BEHALF_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

export interface Acting {
  /** The member whose step it is. */
  memberId: string;
  /** Set when someone else did it for them: the audit entry then says who did it for whom. */
  onBehalfOf: string | null;
}

/**
 * The member a step is for: the caller, or (with `forMemberId`) a member of an organization the caller is
 * secretary or deputy over. `memberOrgPath` looks up that member's organization path.
 */
export async function actingFor(
  identity: Identity,
  forMemberId: string | null | undefined,
  memberOrgPath: (memberId: string) => Promise<string | null>,
): Promise<Acting> {
  if (!identity.personId) throw forbidden();
  if (!forMemberId || forMemberId === identity.personId) return { memberId: identity.personId, onBehalfOf: null };
  const orgPath = await memberOrgPath(forMemberId);
  if (!orgPath || !hasRoleOver(identity, orgPath, ON_BEHALF_ROLES)) throw forbidden();
  return { memberId: forMemberId, onBehalfOf: forMemberId };
}

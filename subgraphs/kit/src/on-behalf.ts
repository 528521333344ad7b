import { forbidden } from './errors.ts';
import { hasRoleOver, type Identity, type Role } from './identity.ts';
import type { UserError } from './user-error.ts';

/**
 * Who may carry out a member's own step of a procedure for them (an elderly member, one without a smartphone):
 * the secretary or deputy over the member's organization, the processing officer of a committee over it, and a
 * member of a support team sent there (docs/rules/roles.md#on-behalf-steps).
 */
export const ON_BEHALF_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER', 'SUPPORT_TEAM'];

/** The officers of the member's own organization and its committees act without more; the support team needs the member's consent recorded. */
const WITHOUT_CONSENT: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER'];

/** What the member's consent must say, at most: how and when they agreed. */
const CONSENT_LIMIT = 500;

/**
 * The refusal of an on-behalf step whose consent is missing: a caller who reaches the member only as a
 * support-team member must say how and when the member agreed. Null when the step may go ahead.
 */
export function onBehalfConsentError(identity: Identity, memberOrgPath: string, consent: string | null | undefined, field = 'memberConsent'): UserError | null {
  const given = consent?.trim() ?? '';
  if (given.length > CONSENT_LIMIT) return { code: 'TEXT_TOO_LONG', field, message: `Ghi chú về sự đồng ý của đảng viên không quá ${CONSENT_LIMIT} ký tự.` };
  if (hasRoleOver(identity, memberOrgPath, WITHOUT_CONSENT)) return null;
  if (!given) {
    return {
      code: 'CONSENT_REQUIRED',
      field,
      message: 'Tổ hỗ trợ chỉ làm thay khi đảng viên đồng ý: hãy ghi đảng viên đã đồng ý thế nào (trực tiếp, qua điện thoại, bằng giấy) và vào ngày nào.',
    };
  }
  return null;
}

export interface Acting {
  /** The member whose step it is. */
  memberId: string;
  /** Set when someone else did it for them: the audit entry then says who did it for whom. */
  onBehalfOf: string | null;
}

/**
 * The member a step is for: the caller, or (with `forMemberId`) a member of an organization the caller is
 * secretary or deputy over. `memberOrgPath` looks up that member's organization path. (Steps the support team
 * may also do record the member's consent: `onBehalfConsentError`.)
 */
export async function actingFor(
  identity: Identity,
  forMemberId: string | null | undefined,
  memberOrgPath: (memberId: string) => Promise<string | null>,
): Promise<Acting> {
  if (!identity.personId) throw forbidden();
  if (!forMemberId || forMemberId === identity.personId) return { memberId: identity.personId, onBehalfOf: null };
  const orgPath = await memberOrgPath(forMemberId);
  if (!orgPath || !hasRoleOver(identity, orgPath, ['SECRETARY', 'DEPUTY_SECRETARY'])) throw forbidden();
  return { memberId: forMemberId, onBehalfOf: forMemberId };
}

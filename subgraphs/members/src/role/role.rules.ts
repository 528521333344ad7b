import type { UserError } from '@dangvu/subgraph-kit';

/**
 * The path of `orgId` if it is the member's own organization or one above it, read off the member's
 * materialized path; null otherwise. A role is held in an organization one belongs to, or a committee above.
 */
export function grantPathWithin(memberOrgPath: string, orgId: string): string | null {
  const at = memberOrgPath.indexOf(`/${orgId}/`);
  return at < 0 ? null : memberOrgPath.slice(0, at + orgId.length + 2);
}

/** Roles an organization holds at most one of at a time. */
export const SINGLE_HOLDER_ROLES = ['SECRETARY', 'FINANCE_MEMBER'] as const;

export function grantDatesError(startsOn: string, endsOn: string | null): UserError | null {
  if (endsOn !== null && endsOn <= startsOn) {
    return { code: 'INVALID_DATES', field: 'endsOn', message: 'Ngày kết thúc phải sau ngày bắt đầu.' };
  }
  return null;
}

/** Roles that lead or hold the money: only an official member, since a probationary one may not stand or vote (docs/rules/roles.md#probationary-members). */
export const OFFICIAL_ONLY_ROLES = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'] as const;

interface GrantRequest {
  role: string;
  orgId: string;
  startsOn: string | null | undefined;
  endsOn: string | null;
}

interface Holder {
  membershipKind: string;
  joinedOn: string;
}

/**
 * What is wrong with giving `holder` the role (docs/rules/roles.md#giving-a-role): the start day must be
 * given (never silently today) and not before the holder joined the Party; an official-only role needs an
 * official member; the same role on the same organization already in force on those days is a duplicate.
 */
export function grantRequestErrors(request: GrantRequest, holder: Holder, held: readonly { role: string; orgId: string; startsOn: string; endsOn: string | null }[]): UserError[] {
  if (!request.startsOn) return [{ code: 'START_DATE_REQUIRED', field: 'startsOn', message: 'Hãy ghi ngày bắt đầu giữ chức trách.' }];
  const errors: UserError[] = [];
  if (request.startsOn < holder.joinedOn) {
    errors.push({ code: 'START_BEFORE_JOINING', field: 'startsOn', message: 'Ngày bắt đầu không được trước ngày vào Đảng của đảng viên.' });
  }
  if ((OFFICIAL_ONLY_ROLES as readonly string[]).includes(request.role) && holder.membershipKind !== 'OFFICIAL') {
    errors.push({ code: 'PROBATIONARY_MEMBER', field: 'role', message: 'Đảng viên dự bị chưa được giữ chức trách này.' });
  }
  const dates = grantDatesError(request.startsOn, request.endsOn);
  if (dates) errors.push(dates);
  const overlaps = held.some(
    (grant) =>
      grant.role === request.role &&
      grant.orgId === request.orgId &&
      (grant.endsOn === null || grant.endsOn > request.startsOn!) &&
      (request.endsOn === null || grant.startsOn < request.endsOn),
  );
  if (overlaps) errors.push({ code: 'DUPLICATE_GRANT', field: 'role', message: 'Đảng viên đã giữ chức trách này ở tổ chức này trong thời gian đó.' });
  return errors;
}

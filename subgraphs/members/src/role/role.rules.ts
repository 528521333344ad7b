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

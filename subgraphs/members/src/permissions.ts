import { hasRoleOver, isAuthenticated, isPartner, isPerson, isSelf } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';
import type { MemberRow } from './member/member.repository.ts';

const memberId = (member: unknown) => (member as MemberRow).id;
const memberOrgPath = (member: unknown) => (member as MemberRow).orgPath;

/** Who may see a member's record at all: the member, the organization's officers above, read-scoped partners. */
const canSeeMember = or(
  isSelf(memberId),
  hasRoleOver(memberOrgPath, ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER']),
  isPartner('members:read'),
);

/** Personal data (DOMAIN.md §4; issue "Authorization"): only the member and the secretary/deputy/admin above. */
const canSeePersonalData = or(isSelf(memberId), hasRoleOver(memberOrgPath, ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN']));

export const rules = {
  Query: { me: isPerson },
  Mutation: { login: allow },
  Member: {
    '*': canSeeMember,
    id: allow,
    birthDate: canSeePersonalData,
    citizenId: canSeePersonalData,
    residenceAddress: canSeePersonalData,
    phone: canSeePersonalData,
  },
  Organization: {
    id: allow,
    path: allow,
    members: hasRoleOver(
      (organization) => (organization as { path?: string }).path,
      ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER'],
    ),
    officers: isAuthenticated,
  },
  // Reached only through a field guarded above.
  Officer: allow,
  LoginPayload: allow,
  UserError: allow,
};

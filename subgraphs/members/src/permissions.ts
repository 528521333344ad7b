import { hasRoleOver, isAuthenticated, isPartner, isPerson, isSelfOrRoleOverMember } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';

/** Who may see a member's record at all: the member, the organization's officers above, read-scoped partners. */
const canSeeMember = or(
  isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER']),
  isPartner('members:read'),
);

/** Personal data (DOMAIN.md §4; issue "Authorization"): only the member and the secretary/deputy/admin above. */
const canSeePersonalData = isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN']);

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

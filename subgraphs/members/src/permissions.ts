import { hasAnyRole, hasRoleOver, isAuthenticated, isPartner, isPerson, isSelfOrRoleOverMember } from '@dangvu/subgraph-kit';
import { allow, and, or } from 'graphql-shield';

/** Who may see a member's record at all: the member, the organization's officers above, read-scoped partners. */
const canSeeMember = or(
  isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER']),
  isPartner('members:read'),
);

/** Personal data (DOMAIN.md §4; issue "Authorization"): only the member and the secretary/deputy/admin above. */
const canSeePersonalData = isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN']);

export const rules = {
  Query: {
    me: isPerson,
    member: isAuthenticated,
    auditTrail: isPerson,
    members: or(hasAnyRole(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER']), isPartner('members:read')),
  },
  Mutation: {
    login: allow,
    // The one-time code (or the client secret) is the credential: no sign-in before these.
    activateAccount: allow,
    partnerToken: allow,
    issueAccount: and(isPerson, hasAnyRole(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'])),
    reissueAccount: and(isPerson, hasAnyRole(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'])),
    changePassword: isPerson,
    lockAccount: and(isPerson, hasAnyRole(['ADMIN'])),
    unlockAccount: and(isPerson, hasAnyRole(['ADMIN'])),
    revokeAccount: and(isPerson, hasAnyRole(['ADMIN'])),
    grantRole: and(isPerson, hasAnyRole(['ADMIN'])),
    endRole: and(isPerson, hasAnyRole(['ADMIN'])),
    registerPartnerClient: and(isPerson, hasAnyRole(['ADMIN'])),
    updateMember: and(isPerson, hasAnyRole(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'])),
    proposeContactChange: isPerson,
    decideContactChange: and(isPerson, hasAnyRole(['SECRETARY', 'DEPUTY_SECRETARY'])),
    startSecondFactor: isPerson,
    confirmSecondFactor: isPerson,
    disableSecondFactor: isPerson,
    requireSecondFactor: and(isPerson, hasAnyRole(['ADMIN'])),
  },
  Member: {
    '*': canSeeMember,
    id: allow,
    birthDate: canSeePersonalData,
    citizenId: canSeePersonalData,
    residenceAddress: canSeePersonalData,
    residenceCell: canSeePersonalData,
    phone: canSeePersonalData,
    accessLog: canSeePersonalData,
    roleGrants: canSeePersonalData,
    account: canSeePersonalData,
    // The dues basis is income: personal, and also for the finance member who collects the dues.
    duesBasis: isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER']),
  },
  Organization: {
    id: allow,
    path: allow,
    members: hasRoleOver(
      (organization) => (organization as { path?: string }).path,
      ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER'],
    ),
    officers: isAuthenticated,
    pendingContactChanges: hasRoleOver(
      (organization) => (organization as { path?: string }).path,
      ['SECRETARY', 'DEPUTY_SECRETARY'],
    ),
    secondFactorRequired: hasRoleOver((organization) => (organization as { path?: string }).path, ['ADMIN']),
    // Counts name no one: the one thing about members an analyst sees.
    memberStatistics: hasRoleOver(
      (organization) => (organization as { path?: string }).path,
      ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'],
    ),
  },
  // Reached only through a field guarded above.
  Officer: allow,
  LoginPayload: allow,
  // Reached only as answers to the mutations above, each guarded by its rule and its service.
  Account: allow,
  AccountPayload: allow,
  IssueAccountPayload: allow,
  RoleGrant: allow,
  RoleGrantPayload: allow,
  PartnerClient: allow,
  // Reached through Member.accessLog or Query.auditTrail, which choose the entries the caller may read.
  AuditEntry: allow,
  // Reached only through the guarded mutations and Organization.pendingContactChanges above.
  MemberPayload: allow,
  ContactChangePayload: allow,
  ContactChangeRequest: allow,
  SecondFactorEnrolment: allow,
  // The connection's own fields; each Member inside keeps its field rules.
  MemberConnection: allow,
  MemberEdge: allow,
  PageInfo: allow,
  SecondFactorPayload: allow,
  // Reached only through Organization.memberStatistics above.
  MemberStatistics: allow,
  ActivityStatusCount: allow,
  SecondFactorRequirementPayload: allow,
  RegisterPartnerClientPayload: allow,
  UserError: allow,
};

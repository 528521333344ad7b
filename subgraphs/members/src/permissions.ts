import { isAuthenticated, isPerson } from '@dangvu/subgraph-kit';
import { allow, and, rule } from 'graphql-shield';
import type { MembersContext } from './context.ts';
import { policy, type MemberSubject, type OrganizationReference } from './policy.ts';

/** The parent of a Member field is the member; of an Organization field, the organization reference. */
const member = (parent: unknown) => parent as MemberSubject;
const organization = (parent: unknown) => parent as OrganizationReference;

const personalData = policy.rule('SEE_PERSONAL_DATA', member);

/**
 * An organization's officers: for those the policy names, and for a member whose own organization it is or
 * lies under (whom to turn to), looked up only when the policy has not already said yes.
 */
const seesOfficers = rule({ cache: 'strict' })(async (parent, _args, context: MembersContext) => {
  const subject = organization(parent);
  if (policy.can(context.identity, 'SEE_OFFICERS', subject)) return true;
  const me = context.identity.personId ? await context.loaders.byId.load(context.identity.personId) : null;
  return Boolean(subject.path && me?.orgPath.startsWith(subject.path));
});

/**
 * The shield map of the members subgraph, default deny. Field rules decide on the parent object; a mutation's
 * gate lets through whoever could hold the ability somewhere, and its service asserts the same ability on the
 * real subject (policy.ts).
 */
export const rules = {
  Query: {
    me: isPerson,
    member: isAuthenticated,
    auditTrail: isPerson,
    // The gateway's check of a token, signed for the token's own person: the answer is about their session only.
    sessionState: isPerson,
    viewerCan: isAuthenticated,
    members: policy.rule('SEARCH_MEMBERS'),
  },
  Mutation: {
    login: allow,
    // The refresh token is the credential.
    refreshSession: allow,
    logout: allow,
    // The one-time code (or the client secret) is the credential: no sign-in before these.
    activateAccount: allow,
    partnerToken: allow,
    issueAccount: and(isPerson, policy.rule('ISSUE_ACCOUNT')),
    reissueAccount: and(isPerson, policy.rule('ISSUE_ACCOUNT')),
    changePassword: isPerson,
    lockAccount: and(isPerson, policy.rule('ADMINISTER_ACCOUNT')),
    unlockAccount: and(isPerson, policy.rule('ADMINISTER_ACCOUNT')),
    revokeAccount: and(isPerson, policy.rule('ADMINISTER_ACCOUNT')),
    clearSignInLock: and(isPerson, policy.rule('CLEAR_SIGN_IN_LOCK')),
    grantRole: and(isPerson, policy.rule('GRANT_ROLE')),
    endRole: and(isPerson, policy.rule('END_ROLE')),
    registerPartnerClient: and(isPerson, policy.rule('REGISTER_PARTNER')),
    updateMember: and(isPerson, policy.rule('EDIT_RECORD')),
    proposeContactChange: isPerson,
    decideContactChange: and(isPerson, policy.rule('DECIDE_CONTACT_CHANGE')),
    startSecondFactor: isPerson,
    confirmSecondFactor: isPerson,
    disableSecondFactor: isPerson,
    requireSecondFactor: and(isPerson, policy.rule('REQUIRE_SECOND_FACTOR')),
  },
  Member: {
    '*': policy.rule('SEE_MEMBER', member),
    id: allow,
    birthDate: personalData,
    citizenId: personalData,
    residenceAddress: personalData,
    residenceCell: personalData,
    phone: personalData,
    accessLog: personalData,
    roleGrants: personalData,
    account: personalData,
    duesBasis: policy.rule('SEE_DUES_BASIS', member),
  },
  Organization: {
    id: allow,
    path: allow,
    members: policy.rule('LIST_MEMBERS', organization),
    memberList: policy.rule('LIST_MEMBERS', organization),
    officers: seesOfficers,
    pendingContactChanges: policy.rule('SEE_PENDING_CONTACT_CHANGES', organization),
    secondFactorRequired: policy.rule('REQUIRE_SECOND_FACTOR', organization),
    memberStatistics: policy.rule('SEE_MEMBER_STATISTICS', organization),
  },
  // The viewer's own abilities, reached through Member.viewerCan and Organization.viewerCan.
  MemberViewerCan: allow,
  ViewerCan: allow,
  RoleGrantViewerCan: allow,
  OrganizationViewerCan: allow,
  // Reached only through a field guarded above.
  Officer: allow,
  LoginPayload: allow,
  LogoutPayload: allow,
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
  // Reached only through Organization.memberList above.
  OrganizationMemberConnection: allow,
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

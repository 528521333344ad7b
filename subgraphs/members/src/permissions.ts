import { isAuthenticated, isPerson } from '@dangvu/subgraph-kit';
import { allow, and, rule } from 'graphql-shield';
import type { MembersContext } from './context.ts';
import { policy, seesCommentContent, seesCommentRequest, type MemberSubject, type OrganizationReference } from './policy.ts';
import type { CommentRequestRow } from './residence-comment/residence-comment.repository.ts';

/** The parent of a Member field is the member; of an Organization field, the organization reference. */
const member = (parent: unknown) => parent as MemberSubject;
const organization = (parent: unknown) => parent as OrganizationReference;

const personalData = policy.rule('SEE_PERSONAL_DATA', member);

/**
 * An organization's officers: for those the policy names, and for a member whose own organization it is or
 * lies under (whom to turn to), looked up only when the policy has not already said yes, and read once per
 * client request (`me` on the same page has read it: member/caller-organization.ts).
 */
const seesOfficers = rule({ cache: 'strict' })(async (parent, _args, context: MembersContext) => {
  const subject = organization(parent);
  if (policy.can(context.identity, 'SEE_OFFICERS', subject)) return true;
  const orgPath = await context.caller.orgPath();
  return Boolean(subject.path && orgPath?.startsWith(subject.path));
});

const commentContent = rule({ cache: 'no_cache' })((parent, _args, context: MembersContext) => seesCommentContent(context.identity, parent as CommentRequestRow));

/**
 * The shield map of the members subgraph, default deny. Field rules decide on the parent object; a mutation's
 * gate lets through whoever could hold the ability somewhere, and its service asserts the same ability on the
 * real subject (policy.ts).
 */
export const rules = {
  Query: {
    // The service asserts IMPORT_REGISTER over the import's own subtree.
    registerImport: and(isPerson, policy.rule('IMPORT_REGISTER')),
    insuranceReconciliation: and(isPerson, policy.rule('IMPORT_REGISTER')),
    me: isPerson,
    member: isAuthenticated,
    auditTrail: isPerson,
    // The gateway's check of a token, signed for the token's own person or partner: the answer is about its session only.
    sessionState: isAuthenticated,
    viewerCan: isAuthenticated,
    // The service answers null for a request the caller takes no part in, as for one that does not exist.
    residenceComment: isPerson,
    members: policy.rule('SEARCH_MEMBERS'),
  },
  Mutation: {
    startRegisterFileUpload: and(isPerson, policy.rule('IMPORT_REGISTER')),
    startRegisterImport: and(isPerson, policy.rule('IMPORT_REGISTER')),
    applyRegisterImport: and(isPerson, policy.rule('IMPORT_REGISTER')),
    startInsuranceReconciliation: and(isPerson, policy.rule('IMPORT_REGISTER')),
    applyInsuranceReconciliation: and(isPerson, policy.rule('IMPORT_REGISTER')),
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
    revokePartnerClient: and(isPerson, policy.rule('REGISTER_PARTNER')),
    updateMember: and(isPerson, policy.rule('EDIT_RECORD')),
    proposeContactChange: isPerson,
    decideContactChange: and(isPerson, policy.rule('DECIDE_CONTACT_CHANGE')),
    // The member applies or withdraws; the cell and the committee decide: the status machines say who, on whom.
    applyForStatusChange: isPerson,
    withdrawStatusChange: isPerson,
    resolveStatusChange: and(isPerson, policy.rule('DECIDE_MEMBER_STATUS')),
    reportStatusChange: and(isPerson, policy.rule('DECIDE_MEMBER_STATUS')),
    decideMemberStatus: and(isPerson, policy.rule('DECIDE_MEMBER_STATUS')),
    // An officer over the member proposes, the grassroots committee decides: the identity-edit machine says who, on whom.
    proposeIdentityEdit: and(isPerson, policy.rule('PROPOSE_IDENTITY_EDIT')),
    decideIdentityEdit: and(isPerson, policy.rule('DECIDE_IDENTITY_EDIT')),
    withdrawIdentityEdit: and(isPerson, policy.rule('PROPOSE_IDENTITY_EDIT')),
    proposeOfficialRecognition: and(isPerson, policy.rule('PROPOSE_RECOGNITION')),
    recognizeOfficialMember: and(isPerson, policy.rule('DECIDE_RECOGNITION')),
    rejectOfficialRecognition: and(isPerson, policy.rule('DECIDE_RECOGNITION')),
    // The member (or an officer of their cell) declares; the commune committee confirms: the machine says who, on which.
    declareResidenceCell: isPerson,
    withdrawResidenceDeclaration: isPerson,
    decideResidenceDeclaration: and(isPerson, policy.rule('CONFIRM_RESIDENCE')),
    startSecondFactor: isPerson,
    confirmSecondFactor: isPerson,
    disableSecondFactor: isPerson,
    requireSecondFactor: and(isPerson, policy.rule('REQUIRE_SECOND_FACTOR')),
    openCommentCampaign: and(isPerson, policy.rule('MANAGE_RESIDENCE_COMMENTS')),
    requestResidenceComment: and(isPerson, policy.rule('MANAGE_RESIDENCE_COMMENTS')),
    routeResidenceCommentToCommune: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    assignResidenceCommentCell: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    sendResidenceCommentOnPaper: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    answerResidenceComment: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    recordPaperResidenceComment: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    supersedeResidenceComment: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
    cancelResidenceComment: and(isPerson, policy.rule('ACT_ON_RESIDENCE_COMMENTS')),
  },
  Member: {
    '*': policy.rule('SEE_MEMBER', member),
    id: allow,
    birthDate: personalData,
    citizenId: personalData,
    residenceAddress: personalData,
    residenceCell: personalData,
    residenceProvinceCode: personalData,
    residenceCommuneCode: personalData,
    phone: personalData,
    accessLog: personalData,
    roleGrants: personalData,
    statusChanges: personalData,
    startableStatusChanges: personalData,
    identityEdits: personalData,
    canProposeIdentityEdit: personalData,
    recognition: policy.rule('SEE_MEMBER', member),
    canProposeRecognition: personalData,
    canRecognize: personalData,
    residenceDeclarations: personalData,
    account: personalData,
    duesBasis: policy.rule('SEE_DUES_BASIS', member),
    residenceComments: policy.rule('SEE_MEMBER_COMMENTS', member),
  },
  Organization: {
    id: allow,
    path: allow,
    members: policy.rule('LIST_MEMBERS', organization),
    memberList: policy.rule('LIST_MEMBERS', organization),
    temporaryMembers: policy.rule('LIST_MEMBERS', organization),
    officers: seesOfficers,
    pendingContactChanges: policy.rule('SEE_PENDING_CONTACT_CHANGES', organization),
    secondFactorRequired: policy.rule('REQUIRE_SECOND_FACTOR', organization),
    memberStatistics: policy.rule('SEE_MEMBER_STATISTICS', organization),
    // Counts name no one, like the statistics; the findings name members, for those who put them right.
    dataQuality: policy.rule('SEE_MEMBER_STATISTICS', organization),
    dataQualityFindings: policy.rule('FIX_REGISTER_DATA', organization),
    pendingIdentityEdits: policy.rule('SEE_IDENTITY_EDITS', organization),
    pendingResidenceDeclarations: policy.rule('SEE_RESIDENCE_DECLARATIONS', organization),
    memberMonthlyFigures: policy.rule('SEE_REPORT_FIGURES', organization),
    laggingUnits: policy.rule('SEE_REPORT_FIGURES', organization),
    commentInbox: policy.rule('SEE_COMMENT_INBOX', organization),
    paperCommentRequest: policy.rule('MANAGE_RESIDENCE_COMMENTS', organization),
    commentCampaigns: policy.rule('MANAGE_RESIDENCE_COMMENTS', organization),
    commentRequests: policy.rule('MANAGE_RESIDENCE_COMMENTS', organization),
    commentCounts: policy.rule('SEE_COMMENT_COUNTS', organization),
  },
  // docs/rules/residence-comments.md#who-reads-what: the request for those on its way and the member, its content for fewer.
  ResidenceComment: {
    '*': rule({ cache: 'no_cache' })((parent, _args, context: MembersContext) => seesCommentRequest(context.identity, parent as CommentRequestRow)),
    comment: commentContent,
    commentHistory: commentContent,
  },
  // Reached only through ResidenceComment.comment and commentHistory above.
  GivenComment: allow,
  DutyComment: allow,
  OutsideRecipient: allow,
  // Reached through Organization.commentCampaigns; each request and member inside keeps its own rules.
  CommentCampaign: allow,
  CommentExemption: allow,
  CommentCounts: allow,
  CommentCampaignPayload: allow,
  ResidenceCommentPayload: allow,
  // The viewer's own abilities, reached through Member.viewerCan and Organization.viewerCan.
  MemberViewerCan: allow,
  ViewerCan: allow,
  RoleGrantViewerCan: allow,
  OrganizationViewerCan: allow,
  // Reached only through a field guarded above.
  Officer: allow,
  TemporaryHost: allow,
  // Reached only through Organization.temporaryMembers above: a name, the home organization and the planned end.
  TemporaryMember: allow,
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
  // Reached through Member.statusChanges (personal data) or the guarded status mutations.
  StatusChange: allow,
  StatusChangePayload: allow,
  // Reached through Member.identityEdits (personal data), Organization.pendingIdentityEdits or the guarded mutations.
  IdentityEdit: allow,
  IdentityEditPayload: allow,
  // Reached through Member.recognition or the guarded recognition mutations.
  Recognition: allow,
  RecognitionPayload: allow,
  // Reached through Member.residenceDeclarations (personal data), Organization.pendingResidenceDeclarations or the guarded mutations.
  ResidenceDeclaration: allow,
  ResidenceDeclarationPayload: allow,
  SecondFactorEnrolment: allow,
  // The connection's own fields; each Member inside keeps its field rules.
  MemberConnection: allow,
  // Reached only through Organization.memberList above.
  OrganizationMemberConnection: allow,
  MemberEdge: allow,
  PageInfo: allow,
  SecondFactorPayload: allow,
  DataQuality: allow,
  DataQualityCheckCount: allow,
  // Reached only through Organization.memberStatistics above.
  MemberStatistics: allow,
  // Reached only through Organization.memberMonthlyFigures above: counts, no person.
  MemberMonthlyFigures: allow,
  LaggingUnit: allow,
  ScopeExclusionCount: allow,
  Rate: allow,
  ActivityStatusCount: allow,
  SecondFactorRequirementPayload: allow,
  RegisterPartnerClientPayload: allow,
  RevokePartnerClientPayload: allow,
  // Reached only as the answer of startRegisterFileUpload, guarded above.
  StartRegisterFileUploadPayload: allow,
  RegisterFileUpload: allow,
  // Reached only through Query.registerImport and the import mutations, which check the import's subtree; a row's
  // member keeps the Member field rules.
  RegisterImport: allow,
  RegisterImportRow: allow,
  RegisterFieldChange: allow,
  RegisterImportCounts: allow,
  RegisterImportRowErrors: allow,
  StartRegisterImportPayload: allow,
  ApplyRegisterImportPayload: allow,
  // Reached only through Query.insuranceReconciliation and its mutations, which check the subtree.
  InsuranceReconciliation: allow,
  InsuranceReconciliationRow: allow,
  InsuranceReconciliationCounts: allow,
  StartInsuranceReconciliationPayload: allow,
  ApplyInsuranceReconciliationPayload: allow,
  UserError: allow,
};

import { subgraphCodegen } from '@dangvu/subgraph-kit/codegen';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
export default subgraphCodegen({
  context: '../context.ts#MembersContext',
  scalars: { Date: 'string', DateTime: 'Date', JSON: 'unknown', YearMonth: 'string' },
  mappers: {
    Member: '../member/member.repository.ts#MemberRow',
    MemberViewerCan: '../member/member.repository.ts#MemberRow',
    TemporaryMember: '../member/member.repository.ts#MemberRow',
    Account: '../account/account.repository.ts#AccountRow',
    RoleGrant: '../role/role-grant.repository.ts#RoleGrantRow',
    RoleGrantViewerCan: '../role/role-grant.repository.ts#RoleGrantRow',
    ViewerCan: '../viewer-abilities.ts#ViewerSubject',
    AuditEntry: '../audit/audit-trail.repository.ts#AuditEntryRow',
    ContactChangeRequest: '../contact-change/contact-change.repository.ts#ContactChangeRow',
    Organization: '../policy.ts#OrganizationReference',
    OrganizationViewerCan: '../policy.ts#OrganizationReference',
    PartnerClient: '../partner/partner.repository.ts#PartnerRow',
    StatusChange: '../member/status/status-change.repository.ts#StatusChangeRow',
    ResidenceComment: '../residence-comment/residence-comment.repository.ts#CommentRequestRow',
    CommentCampaign: '../residence-comment/residence-comment.repository.ts#CampaignRow',
    CommentExemption: '../residence-comment/residence-comment.repository.ts#ExemptionRow',
    GivenComment: '../residence-comment/residence-comment.repository.ts#LoadedCommentRow',
    DutyComment: '../residence-comment/residence-comment.rules.ts#GivenDuty',
    MemberMonthlyFigures: '../report/member-figures.loaders.ts#MonthlyFiguresOfMembers',
  },
});

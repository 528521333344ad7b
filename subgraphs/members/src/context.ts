import type { RequestContext } from '@dangvu/subgraph-kit';
import type { AccountLifecycleService } from './account/account-lifecycle.service.ts';
import type { LoginService } from './account/login.service.ts';
import type { SecondFactorService } from './account/second-factor.service.ts';
import type { AuditTrailService } from './audit/audit-trail.service.ts';
import type { ViewRecorder } from './audit/view-recorder.ts';
import type { ContactChangeService } from './contact-change/contact-change.service.ts';
import type { MemberEditService } from './member/member-edit.service.ts';
import type { MemberReadService } from './member/member-read.service.ts';
import type { MemberSearchService } from './member/member-search.service.ts';
import type { MemberLoaders } from './member/member.loaders.ts';
import type { MemberListService } from './organization/member-list.service.ts';
import type { PartnerService } from './partner/partner.service.ts';
import type { PaperRequestService } from './residence-comment/paper-request.service.ts';
import type { ResidenceCommentLoaders } from './residence-comment/residence-comment.loaders.ts';
import type { ResidenceCommentService } from './residence-comment/residence-comment.service.ts';
import type { RoleService } from './role/role.service.ts';
import type { SessionService } from './session/session.service.ts';
import type { ViewerAbilities } from './viewer-abilities.ts';
import type { StatusChangeReads } from './member/status/status-change-read.service.ts';
import type { StatusChangeService } from './member/status/status-change.service.ts';

/** The members subgraph's per-request context: the verified caller, loaders, and the services resolvers call. */
export interface MembersContext extends RequestContext {
  loaders: MemberLoaders;
  views: ViewRecorder;
  login: LoginService;
  accounts: AccountLifecycleService;
  secondFactor: SecondFactorService;
  sessions: SessionService;
  roles: RoleService;
  partners: PartnerService;
  memberEdits: MemberEditService;
  contactChanges: ContactChangeService;
  reads: MemberReadService;
  search: MemberSearchService;
  memberLists: MemberListService;
  auditTrail: AuditTrailService;
  abilities: ViewerAbilities;
  statusChanges: StatusChangeService;
  statusChangeReads: StatusChangeReads;
  residenceComments: ResidenceCommentService;
  commentLoaders: ResidenceCommentLoaders;
  paperRequests: PaperRequestService;
}

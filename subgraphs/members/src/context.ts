import type { RequestContext } from '@dangvu/subgraph-kit';
import type { AccountLifecycleService } from './account/account-lifecycle.service.ts';
import type { AuditRepository } from './audit/audit.repository.ts';
import type { ViewRecorder } from './audit/view-recorder.ts';
import type { loginService } from './account/login.service.ts';
import type { SecondFactorService } from './account/second-factor.service.ts';
import type { PartnerService } from './partner/partner.service.ts';
import type { RoleService } from './role/role.service.ts';
import type { MemberEditService } from './member/member-edit.service.ts';
import type { MemberSearchService } from './member/member-search.service.ts';
import type { MemberLoaders } from './member/member.loaders.ts';

export interface MembersContext extends RequestContext {
  loaders: MemberLoaders;
  login: ReturnType<typeof loginService>;
  accounts: AccountLifecycleService;
  roles: RoleService;
  partners: PartnerService;
  audit: AuditRepository;
  views: ViewRecorder;
  memberEdits: MemberEditService;
  secondFactor: SecondFactorService;
  search: MemberSearchService;
}

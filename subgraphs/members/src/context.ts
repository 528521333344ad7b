import type { RequestContext } from '@dangvu/subgraph-kit';
import type { loginService } from './account/login.service.ts';
import type { MemberLoaders } from './member/member.loaders.ts';

export interface MembersContext extends RequestContext {
  loaders: MemberLoaders;
  login: ReturnType<typeof loginService>;
}

import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { DateScalar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { accountLifecycleService } from './account/account-lifecycle.service.ts';
import { loginService } from './account/login.service.ts';
import { secondFactorService } from './account/second-factor.service.ts';
import { auditTrailService } from './audit/audit-trail.service.ts';
import { viewRecorder } from './audit/view-recorder.ts';
import { contactChangeService } from './contact-change/contact-change.service.ts';
import type { MembersContext } from './context.ts';
import { memberEditService } from './member/member-edit.service.ts';
import { memberSearchService } from './member/member-search.service.ts';
import { memberLoaders } from './member/member.loaders.ts';
import { memberTransferredConsumer } from './member/member-transferred.consumer.ts';
import { organizationMovedConsumer } from './organization/organization-moved.consumer.ts';
import { partnerService } from './partner/partner.service.ts';
import { rules } from './permissions.ts';
import { membersStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';
import { roleService } from './role/role.service.ts';
import { viewerAbilities } from './viewer-abilities.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface MembersDeps {
  /** Signs the access tokens that login issues; the gateway holds the public half. */
  authSigningKey: CryptoKey;
}

export function membersSubgraph({ db }: DbHandle, deps: MembersDeps): SubgraphDefinition<MembersContext> {
  const store = membersStore(db);
  return {
    name: 'members',
    typeDefs,
    resolvers: { ...resolvers, Date: DateScalar } as SubgraphDefinition<MembersContext>['resolvers'],
    rules,
    consumers: [organizationMovedConsumer, memberTransferredConsumer],
    afterRequest: (context) => context.views.flush(),
    context: (base) => {
      const views = viewRecorder(store, base);
      const loaders = memberLoaders(store.repos);
      return {
        ...base,
        views,
        loaders,
        abilities: viewerAbilities(base.identity),
        login: loginService(store.repos, deps.authSigningKey),
        accounts: accountLifecycleService(store, base),
        secondFactor: secondFactorService(store, base),
        roles: roleService(store, base),
        partners: partnerService(store, base, deps.authSigningKey),
        memberEdits: memberEditService(store, base),
        contactChanges: contactChangeService(store, base),
        search: memberSearchService(store.repos, views, base),
        auditTrail: auditTrailService(store, base),
      };
    },
  };
}

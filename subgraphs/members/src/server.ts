import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { DateScalar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { CryptoKey } from 'jose';
import { accountRepository } from './account/account.repository.ts';
import { accountLifecycleService } from './account/account-lifecycle.service.ts';
import { auditRepository } from './audit/audit.repository.ts';
import { viewRecorder } from './audit/view-recorder.ts';
import { loginService } from './account/login.service.ts';
import { secondFactorService } from './account/second-factor.service.ts';
import type { MembersContext } from './context.ts';
import { memberLoaders } from './member/member.loaders.ts';
import { memberEditService } from './member/member-edit.service.ts';
import { memberSearchService } from './member/member-search.service.ts';
import { memberRepository } from './member/member.repository.ts';
import { memberTransferredConsumer } from './member/member-transferred.consumer.ts';
import { organizationMovedConsumer } from './organization/organization-moved.consumer.ts';
import { partnerService } from './partner/partner.service.ts';
import { rules } from './permissions.ts';
import { Account, AccountMutation, RoleGrant } from './resolvers/AccountMutation.ts';
import { AuditEntry, auditTrail, JSONScalar } from './resolvers/AuditEntry.ts';
import { ContactChangeRequest, MemberMutation } from './resolvers/MemberMutation.ts';
import { roleService } from './role/role.service.ts';
import { Member } from './resolvers/Member.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Organization } from './resolvers/Organization.ts';
import { Query } from './resolvers/Query.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface MembersDeps {
  /** Signs the access tokens that login issues; the gateway holds the public half. */
  authSigningKey: CryptoKey;
}

export function membersSubgraph({ db }: DbHandle, deps: MembersDeps): SubgraphDefinition<MembersContext> {
  return {
    name: 'members',
    typeDefs,
    resolvers: {
      Query: { ...Query, auditTrail },
      Mutation: { ...Mutation, ...AccountMutation, ...MemberMutation },
      ContactChangeRequest,
      Member,
      Organization,
      RoleGrant,
      Account,
      AuditEntry,
      Date: DateScalar,
      JSON: JSONScalar,
    } as SubgraphDefinition<MembersContext>['resolvers'],
    rules,
    consumers: [organizationMovedConsumer, memberTransferredConsumer],
    afterRequest: (context) => context.views.flush(),
    context: (base) => {
      const accounts = accountRepository(db);
      const audit = auditRepository(db);
      const members = memberRepository(db);
      const views = viewRecorder(db, base);
      return {
        ...base,
        audit,
        views,
        memberEdits: memberEditService(db, base),
        secondFactor: secondFactorService(db, base),
        search: memberSearchService(members, views, base),
        loaders: memberLoaders(members, accounts, audit),
        login: loginService(accounts, deps.authSigningKey),
        accounts: accountLifecycleService(db, base),
        roles: roleService(db, base),
        partners: partnerService(db, base, deps.authSigningKey),
      };
    },
  };
}

import { groupLoader, rowLoader, vietnamDay } from '@dangvu/subgraph-kit';
import type { AuditEntryRow } from '../audit/audit-trail.repository.ts';
import type { Repositories } from '../repositories.ts';
import type { MemberRow } from './member.repository.ts';

/** Per-request batch loaders over the members schema: one statement per relation per request, whatever the list length. */
export function memberLoaders(repos: Repositories) {
  const today = vietnamDay(new Date());
  return {
    byId: rowLoader(repos.members.byIds, (row: MemberRow) => row.id),
    byOrganization: groupLoader(repos.members.inOrganizations, (row: MemberRow) => row.orgId),
    hostedBy: groupLoader(repos.members.hostedBy, (row: MemberRow) => row.temporaryHostOrgId!),
    countsUnder: groupLoader(repos.members.countsUnder, (row) => row.path),
    officers: groupLoader((orgIds: readonly string[]) => repos.roleGrants.officersOf(orgIds, today), (row) => row.orgId),
    accessLog: groupLoader(repos.auditTrail.aboutMembers, (row: AuditEntryRow) => row.subjectMemberId!),
    pendingContactChanges: groupLoader(repos.contactChanges.pendingIn, (row) => row.orgId),
    roleGrants: groupLoader(repos.roleGrants.ofMembers, (row) => row.memberId),
    account: rowLoader(repos.accounts.ofMembers, (row) => row.memberId),
    totpRequirement: rowLoader(repos.totpRequirements.of, (row) => row.orgId),
    name: rowLoader(repos.auditTrail.names, (row) => row.id),
  };
}

export type MemberLoaders = ReturnType<typeof memberLoaders>;

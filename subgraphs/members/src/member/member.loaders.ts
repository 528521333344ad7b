import { groupLoader, rowLoader, vietnamDay } from '@dangvu/subgraph-kit';
import type { AccountRepository } from '../account/account.repository.ts';
import type { AuditEntryRow, AuditRepository } from '../audit/audit.repository.ts';
import type { MemberRepository, MemberRow } from './member.repository.ts';

export function memberLoaders(members: MemberRepository, accounts: AccountRepository, audit: AuditRepository) {
  const today = vietnamDay(new Date());
  return {
    byId: rowLoader(members.byIds, (row: MemberRow) => row.id),
    byOrganization: groupLoader(members.inOrganizations, (row: MemberRow) => row.orgId),
    countsUnder: groupLoader(members.countsUnder, (row) => row.path),
    officers: groupLoader((orgIds: readonly string[]) => accounts.officersOf(orgIds, today), (row) => row.orgId),
    accessLog: groupLoader(audit.aboutMembers, (row: AuditEntryRow) => row.subjectMemberId!),
    pendingContactChanges: groupLoader(members.pendingContactChanges, (row) => row.orgId),
    roleGrants: groupLoader(accounts.grantsOfMembers, (row) => row.memberId),
    account: rowLoader(accounts.accountsOfMembers, (row) => row.memberId),
    totpRequirement: rowLoader(accounts.totpRequirementsOf, (row) => row.orgId),
    name: rowLoader(audit.names, (row) => row.id),
  };
}

export type MemberLoaders = ReturnType<typeof memberLoaders>;

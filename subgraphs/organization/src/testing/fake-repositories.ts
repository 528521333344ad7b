import { randomUUID } from 'node:crypto';
import type { AuditEntryInput, AuditLog } from '@dangvu/subgraph-kit';
import type { BankAccountRepository, BankAccountRow } from '../bank-account/bank-account.repository.ts';
import { isAccountEligible } from '../bank-account/bank-account.rules.ts';
import type { ReadinessRepository } from '../organization/readiness.repository.ts';
import type { OrganizationRepository, OrganizationRow, OrganizationVersionRow } from '../organization/organization.repository.ts';
import type { OrgType } from '../organization/organization.rules.ts';
import type { MonthlyReportRepository, MonthlyReportRow } from '../report/monthly-report.repository.ts';
import type { Outbox, Repositories } from '../repositories.ts';

/**
 * The organization subgraph's repositories in memory, for service tests: the same contracts as the SQL ones
 * (children by name, paths rewritten by prefix, versions closed and opened by path), nothing more. Locks are
 * no-ops; the database tests cover concurrency and rollback.
 */
export interface FakeTree {
  repos: Repositories;
  organizations: Map<string, OrganizationRow>;
  versions: OrganizationVersionRow[];
  memberCounts: Map<string, number>;
  bankAccounts: Map<string, BankAccountRow>;
  audit: AuditEntryInput[];
  events: { topic: string; aggregateId: string; payload: Record<string, unknown> }[];
  /** Adds an organization under `parent` (a root without), with a current version from `since`. */
  add(input: { id: string; type: OrgType; name?: string; parent?: OrganizationRow; since?: string; dissolvedOn?: string }): OrganizationRow;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'vi');
const inForce = (day: string) => (version: OrganizationVersionRow) => version.validFrom <= day && (version.validTo === null || version.validTo > day);
const matches = (path: string, pattern: string) => (pattern.endsWith('%') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

export function fakeTree(): FakeTree {
  const organizations = new Map<string, OrganizationRow>();
  const versions: OrganizationVersionRow[] = [];
  const memberCounts = new Map<string, number>();
  const bankAccounts = new Map<string, BankAccountRow>();
  const audit: AuditEntryInput[] = [];
  const events: FakeTree['events'] = [];
  const all = () => [...organizations.values()];
  let versionId = 0;

  const openVersion = (row: OrganizationRow, day: string) =>
    versions.push({ id: ++versionId, orgId: row.id, name: row.name, type: row.type, parentId: row.parentId, path: row.path, validFrom: day, validTo: null });
  const closeCurrent = (orgId: string, day: string) => {
    for (const version of versions) if (version.orgId === orgId && version.validTo === null) version.validTo = day;
  };

  const organizationsRepo: OrganizationRepository = {
    byIds: async (ids) => all().filter((row) => ids.includes(row.id)),
    childrenOf: async (parentIds) => all().filter((row) => row.parentId !== null && parentIds.includes(row.parentId) && !row.dissolvedOn).sort(byName),
    roots: async () => all().filter((row) => row.parentId === null).sort(byName),
    byIdForUpdate: async (id) => organizations.get(id) ?? null,
    codeTaken: async (code) => all().some((row) => row.code === code),
    servingUnit: async (code) => all().find((row) => row.administrativeUnitCode === code && !row.dissolvedOn) ?? null,
    activeChildTypes: async (id) => [...new Set(all().filter((row) => row.parentId === id && !row.dissolvedOn).map((row) => row.type))],
    activeChildCount: async (id) => all().filter((row) => row.parentId === id && !row.dissolvedOn).length,
    memberCount: async (id) => memberCounts.get(id) ?? 0,
    adjustMemberCount: async (id, delta) => void memberCounts.set(id, Math.max((memberCounts.get(id) ?? 0) + delta, 0)),
    async insert(row) {
      const created: OrganizationRow = {
        id: row.id ?? crypto.randomUUID(),
        code: row.code,
        name: row.name,
        type: row.type,
        parentId: row.parentId ?? null,
        path: row.path,
        inRolloutScope: row.inRolloutScope ?? true,
        rolloutOnlineFrom: row.rolloutOnlineFrom ?? null,
        administrativeUnitCode: row.administrativeUnitCode ?? null,
        dissolvedOn: row.dissolvedOn ?? null,
        classifiedOn: row.classifiedOn ?? null,
        version: row.version ?? 1,
        createdAt: row.createdAt ?? new Date(),
      };
      organizations.set(created.id, created);
      return created;
    },
    async update(id, changes) {
      const updated = { ...organizations.get(id)!, ...changes, version: organizations.get(id)!.version + 1 };
      organizations.set(id, updated);
      return updated;
    },
    async repath(oldPath, newPath) {
      for (const row of all()) if (row.path.startsWith(oldPath)) organizations.set(row.id, { ...row, path: newPath + row.path.slice(oldPath.length) });
    },
    versionsOf: async (orgIds) => versions.filter((version) => orgIds.includes(version.orgId)).sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id - b.id),
    versionsOn: async (orgIds, day) => versions.filter((version) => orgIds.includes(version.orgId)).filter(inForce(day)),
    childVersionsOn: async (parentIds, day) =>
      versions.filter((version) => version.parentId !== null && parentIds.includes(version.parentId)).filter(inForce(day)).sort(byName),
    currentVersionStart: async (id) => versions.find((version) => version.orgId === id && version.validTo === null)?.validFrom ?? null,
    async recordVersions(path, day, { subtree = false } = {}) {
      for (const row of all().filter((row) => matches(row.path, subtree ? `${path}%` : path))) {
        closeCurrent(row.id, day);
        openVersion(row, day);
      }
    },
    closeVersion: async (id, day) => closeCurrent(id, day),
  };

  const bankAccountsRepo: BankAccountRepository = {
    ofOrganizations: async (orgIds) => [...bankAccounts.values()].filter((account) => orgIds.includes(account.orgId)),
    ofOrganizationForUpdate: async (orgId) => bankAccounts.get(orgId) ?? null,
    async save(row) {
      const saved: BankAccountRow = { ...row, updatedAt: new Date(), updatedBy: row.updatedBy ?? null };
      bankAccounts.set(row.orgId, saved);
      return saved;
    },
  };

  const live = (row: OrganizationRow) => !row.dissolvedOn;
  const inScope = (row: OrganizationRow) => !all().some((above) => !above.inRolloutScope && row.path.startsWith(above.path));
  const readinessRepo: ReadinessRepository = {
    sizes: async (orgIds) =>
      orgIds.map((orgId) => {
        const path = organizations.get(orgId)!.path;
        const subtree = all().filter((row) => live(row) && row.path.startsWith(path));
        return { orgId, members: memberCounts.get(orgId) ?? 0, subtreeMembers: subtree.reduce((sum, row) => sum + (memberCounts.get(row.id) ?? 0), 0) };
      }),
    coverage: async (paths) =>
      paths.map((path) => {
        const counted = all().filter((row) => live(row) && row.path.startsWith(path) && inScope(row));
        const eligible = counted.filter((row) => isAccountEligible(row.type));
        return {
          path,
          eligible: eligible.length,
          covered: eligible.filter((row) => bankAccounts.has(row.id)).length,
          organizations: counted.length,
          classified: counted.filter((row) => Boolean(row.classifiedOn)).length,
        };
      }),
  };

  const reports: MonthlyReportRow[] = [];
  const monthlyReportsRepo: MonthlyReportRepository = {
    insertOnce: async (row) => {
      if (reports.some((report) => report.orgId === row.orgId && report.month === row.month)) return null;
      const report = { id: randomUUID(), note: null, ...row } as MonthlyReportRow;
      reports.push(report);
      return report;
    },
    byKeys: async (keys) => reports.filter((report) => keys.includes(`${report.orgId}|${report.month}`)),
  };

  const auditLog: AuditLog = { append: async (inputs) => void audit.push(...inputs) };
  const outbox: Outbox = { publish: async (topic, aggregateId, payload) => void events.push({ topic, aggregateId, payload }) };

  return {
    repos: { organizations: organizationsRepo, bankAccounts: bankAccountsRepo, readiness: readinessRepo, monthlyReports: monthlyReportsRepo, audit: auditLog, outbox },
    organizations,
    versions,
    memberCounts,
    bankAccounts,
    audit,
    events,
    add({ id, type, name = `Tổ chức ${id}`, parent, since = '2025-07-01', dissolvedOn }) {
      const row: OrganizationRow = {
        id,
        code: id.toUpperCase(),
        name,
        type,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        inRolloutScope: true,
        rolloutOnlineFrom: null,
        administrativeUnitCode: null,
        dissolvedOn: dissolvedOn ?? null,
        classifiedOn: null,
        version: 1,
        createdAt: new Date('2025-07-01T00:00:00Z'),
      };
      organizations.set(id, row);
      openVersion(row, since);
      return row;
    },
  };
}

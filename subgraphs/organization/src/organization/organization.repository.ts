import { type AnyColumn, and, asc, count, eq, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import { isAnyOf, type Executor } from '@dangvu/subgraph-kit';

const { organizations, organizationVersions, memberCounts } = tables;

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationInsert = typeof organizations.$inferInsert;
export type OrganizationChanges = Partial<Pick<OrganizationInsert, 'name' | 'type' | 'parentId' | 'inRolloutScope' | 'rolloutOnlineFrom' | 'administrativeUnitCode' | 'dissolvedOn' | 'classifiedOn'>>;
export type OrganizationVersionRow = typeof organizationVersions.$inferSelect;

/**
 * A name in Vietnamese alphabetical order ("Dương Nội", "Đông Hải", "Gia Lâm"), which the default collation
 * breaks by putting "Đ" after "Z": this schema's ICU collation of migration 0020 (docs/rules/member-register.md#vietnamese-order).
 */
const inVietnameseOrder = (column: AnyColumn) => sql`${column} collate organization.vi_vn`;

/** Versions in force on `day`: started, and not yet ended. */
const versionOn = (day: string) =>
  and(lte(organizationVersions.validFrom, day), or(isNull(organizationVersions.validTo), gt(organizationVersions.validTo, day)));

/**
 * The organization tree and its dated history. Batch reads take many ids (for the loaders); `…ForUpdate`
 * locks the row for the rest of the transaction; writes belong inside a store's `transaction`.
 */
/** Built once: every page that names an organization (and its parent) reads it. */
const byIdsQuery = (db: Executor) => db.select().from(organizations).where(isAnyOf(organizations.id, 'ids')).prepare('organizations_by_ids');

export function organizationRepository(db: Executor) {
  let byIds: ReturnType<typeof byIdsQuery> | undefined;
  return {
    byIds: (ids: readonly string[]): Promise<OrganizationRow[]> => (byIds ??= byIdsQuery(db)).execute({ ids: [...ids] }),
    /** Children not dissolved, by name. */
    childrenOf: (parentIds: readonly string[]): Promise<OrganizationRow[]> =>
      db
        .select()
        .from(organizations)
        .where(and(inArray(organizations.parentId, [...parentIds]), isNull(organizations.dissolvedOn)))
        .orderBy(inVietnameseOrder(organizations.name)),
    roots: (): Promise<OrganizationRow[]> => db.select().from(organizations).where(isNull(organizations.parentId)).orderBy(inVietnameseOrder(organizations.name)),
    async byIdForUpdate(id: string): Promise<OrganizationRow | null> {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).for('update');
      return row ?? null;
    },
    /** The organization not dissolved that serves an administrative unit, if any; locked for the transaction, so two committees asking for one unit at once take turns. */
    async servingUnit(code: string): Promise<OrganizationRow | null> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'administrative-unit:' + code}))`);
      const [row] = await db
        .select()
        .from(organizations)
        .where(and(eq(organizations.administrativeUnitCode, code), isNull(organizations.dissolvedOn)));
      return row ?? null;
    },
    async codeTaken(code: string): Promise<boolean> {
      const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code));
      return row !== undefined;
    },
    /** The kinds of the organizations directly under it that are not dissolved, each once. */
    async activeChildTypes(id: string): Promise<OrganizationRow['type'][]> {
      const rows = await db
        .selectDistinct({ type: organizations.type })
        .from(organizations)
        .where(and(eq(organizations.parentId, id), isNull(organizations.dissolvedOn)));
      return rows.map((row) => row.type);
    },
    async activeChildCount(id: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(organizations)
        .where(and(eq(organizations.parentId, id), isNull(organizations.dissolvedOn)));
      return row?.n ?? 0;
    },
    /** Members with their official activity in the organization, from the `member_counts` read model. */
    async memberCount(id: string): Promise<number> {
      const [row] = await db.select({ n: memberCounts.members }).from(memberCounts).where(eq(memberCounts.orgId, id));
      return row?.n ?? 0;
    },
    /** Moves the read model by `delta` members: a transfer out of the organization is -1, into it +1. */
    async adjustMemberCount(id: string, delta: number): Promise<void> {
      await db
        .insert(memberCounts)
        .values({ orgId: id, members: Math.max(delta, 0) })
        .onConflictDoUpdate({ target: memberCounts.orgId, set: { members: sql`greatest(${memberCounts.members} + ${delta}, 0)` } });
    },
    async insert(row: OrganizationInsert): Promise<OrganizationRow> {
      const [created] = await db.insert(organizations).values(row).returning();
      return created!;
    },
    /** Applies `changes` and raises the version counter. */
    async update(id: string, changes: OrganizationChanges): Promise<OrganizationRow> {
      const [updated] = await db
        .update(organizations)
        .set({ ...changes, version: sql`${organizations.version} + 1` })
        .where(eq(organizations.id, id))
        .returning();
      return updated!;
    },
    /** Rewrites the materialized path of a whole subtree: `/old/…` becomes `/new/…`. */
    async repath(oldPath: string, newPath: string): Promise<void> {
      await db
        .update(organizations)
        .set({ path: sql`${newPath} || substr(${organizations.path}, ${oldPath.length + 1})` })
        .where(like(organizations.path, `${oldPath}%`));
    },

    versionsOf: (orgIds: readonly string[]): Promise<OrganizationVersionRow[]> =>
      db
        .select()
        .from(organizationVersions)
        .where(inArray(organizationVersions.orgId, [...orgIds]))
        .orderBy(asc(organizationVersions.validFrom), asc(organizationVersions.id)),
    versionsOn: (orgIds: readonly string[], day: string): Promise<OrganizationVersionRow[]> =>
      db
        .select()
        .from(organizationVersions)
        .where(and(inArray(organizationVersions.orgId, [...orgIds]), versionOn(day))),
    childVersionsOn: (parentIds: readonly string[], day: string): Promise<OrganizationVersionRow[]> =>
      db
        .select()
        .from(organizationVersions)
        .where(and(inArray(organizationVersions.parentId, [...parentIds]), versionOn(day)))
        .orderBy(inVietnameseOrder(organizationVersions.name)),
    /** The first day of the organization's current version; null when it has none (dissolved). */
    async currentVersionStart(id: string): Promise<string | null> {
      const [row] = await db
        .select({ validFrom: organizationVersions.validFrom })
        .from(organizationVersions)
        .where(and(eq(organizationVersions.orgId, id), isNull(organizationVersions.validTo)));
      return row?.validFrom ?? null;
    },
    /**
     * Ends, on `day`, the current version of the organization at `path` (with `subtree`, of every organization
     * under it too) and opens one with what the organizations table now says: the history then shows the tree
     * before and after the change.
     */
    async recordVersions(path: string, day: string, { subtree = false } = {}): Promise<void> {
      const pattern = subtree ? `${path}%` : path;
      const affected = db.select({ id: organizations.id }).from(organizations).where(like(organizations.path, pattern));
      await db
        .update(organizationVersions)
        .set({ validTo: day })
        .where(and(inArray(organizationVersions.orgId, affected), isNull(organizationVersions.validTo)));
      await db.execute(sql`
        insert into organization.organization_versions (org_id, name, type, parent_id, path, valid_from)
        select id, name, type, parent_id, path, ${day}::date from organization.organizations where path like ${pattern}`);
    },
    async closeVersion(id: string, day: string): Promise<void> {
      await db
        .update(organizationVersions)
        .set({ validTo: day })
        .where(and(eq(organizationVersions.orgId, id), isNull(organizationVersions.validTo)));
    },
  };
}

export type OrganizationRepository = ReturnType<typeof organizationRepository>;

import { and, asc, count, eq, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';

export type OrganizationRow = typeof tables.organizations.$inferSelect;
export type OrganizationVersionRow = typeof tables.organizationVersions.$inferSelect;
export type BankAccountRow = typeof tables.bankAccounts.$inferSelect;

const { organizations, organizationVersions, bankAccounts, memberCounts } = tables;

/** Versions in force on `day`: started, and not yet ended. */
const versionOn = (day: string) =>
  and(lte(organizationVersions.validFrom, day), or(isNull(organizationVersions.validTo), gt(organizationVersions.validTo, day)));

export function organizationRepository(db: Db) {
  return {
    byIds: (ids: readonly string[]) => db.select().from(organizations).where(inArray(organizations.id, [...ids])),
    childrenOf: (parentIds: readonly string[]) =>
      db
        .select()
        .from(organizations)
        .where(and(inArray(organizations.parentId, [...parentIds]), isNull(organizations.dissolvedOn)))
        .orderBy(asc(organizations.name)),
    roots: () => db.select().from(organizations).where(isNull(organizations.parentId)).orderBy(asc(organizations.name)),
    versionsOf: (orgIds: readonly string[]) =>
      db
        .select()
        .from(organizationVersions)
        .where(inArray(organizationVersions.orgId, [...orgIds]))
        .orderBy(asc(organizationVersions.validFrom), asc(organizationVersions.id)),
    versionsOn: (orgIds: readonly string[], day: string) =>
      db
        .select()
        .from(organizationVersions)
        .where(and(inArray(organizationVersions.orgId, [...orgIds]), versionOn(day))),
    childVersionsOn: (parentIds: readonly string[], day: string) =>
      db
        .select()
        .from(organizationVersions)
        .where(and(inArray(organizationVersions.parentId, [...parentIds]), versionOn(day)))
        .orderBy(asc(organizationVersions.name)),
    bankAccountsOf: (orgIds: readonly string[]) => db.select().from(bankAccounts).where(inArray(bankAccounts.orgId, [...orgIds])),
  };
}

export type OrganizationRepository = ReturnType<typeof organizationRepository>;

/** Writes, each inside the caller's transaction. */
export const organizationWrites = {
  async lock(tx: Tx, id: string): Promise<OrganizationRow | null> {
    const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).for('update');
    return row ?? null;
  },
  async codeTaken(tx: Tx, code: string): Promise<boolean> {
    const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code));
    return row !== undefined;
  },
  async activeChildren(tx: Tx, id: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(organizations)
      .where(and(eq(organizations.parentId, id), isNull(organizations.dissolvedOn)));
    return row?.n ?? 0;
  },
  async members(tx: Tx, id: string): Promise<number> {
    const [row] = await tx.select({ n: memberCounts.members }).from(memberCounts).where(eq(memberCounts.orgId, id));
    return row?.n ?? 0;
  },
  async currentVersionStart(tx: Tx, id: string): Promise<string | null> {
    const [row] = await tx
      .select({ validFrom: organizationVersions.validFrom })
      .from(organizationVersions)
      .where(and(eq(organizationVersions.orgId, id), isNull(organizationVersions.validTo)));
    return row?.validFrom ?? null;
  },
  async insert(tx: Tx, row: typeof organizations.$inferInsert): Promise<OrganizationRow> {
    const [created] = await tx.insert(organizations).values(row).returning();
    return created!;
  },
  async update(tx: Tx, id: string, changes: Partial<typeof organizations.$inferInsert>): Promise<OrganizationRow> {
    const [updated] = await tx
      .update(organizations)
      .set({ ...changes, version: sql`${organizations.version} + 1` })
      .where(eq(organizations.id, id))
      .returning();
    return updated!;
  },
  /** Rewrites the materialized path of a whole subtree: `/old/…` becomes `/new/…`. */
  async repath(tx: Tx, oldPath: string, newPath: string): Promise<void> {
    await tx
      .update(organizations)
      .set({ path: sql`${newPath} || substr(${organizations.path}, ${oldPath.length + 1})` })
      .where(like(organizations.path, `${oldPath}%`));
  },
  /**
   * Ends, on `day`, the current version of every organization whose path matches `pathPattern` (a path, or
   * `path%` for a subtree) and opens one with what the organizations table now says: the history then shows
   * the tree before and after the change.
   */
  async recordVersions(tx: Tx, pathPattern: string, day: string): Promise<void> {
    const subtree = tx.select({ id: organizations.id }).from(organizations).where(like(organizations.path, pathPattern));
    await tx
      .update(organizationVersions)
      .set({ validTo: day })
      .where(and(inArray(organizationVersions.orgId, subtree), isNull(organizationVersions.validTo)));
    await tx.execute(sql`
      insert into organization.organization_versions (org_id, name, type, parent_id, path, valid_from)
      select id, name, type, parent_id, path, ${day}::date from organization.organizations where path like ${pathPattern}`);
  },
  async closeVersion(tx: Tx, id: string, day: string): Promise<void> {
    await tx
      .update(organizationVersions)
      .set({ validTo: day })
      .where(and(eq(organizationVersions.orgId, id), isNull(organizationVersions.validTo)));
  },
  async bankAccount(tx: Tx, orgId: string): Promise<BankAccountRow | null> {
    const [row] = await tx.select().from(bankAccounts).where(eq(bankAccounts.orgId, orgId)).for('update');
    return row ?? null;
  },
  async saveBankAccount(tx: Tx, row: typeof bankAccounts.$inferInsert): Promise<BankAccountRow> {
    const [saved] = await tx
      .insert(bankAccounts)
      .values(row)
      .onConflictDoUpdate({
        target: bankAccounts.orgId,
        set: { bankBin: row.bankBin, accountNumber: row.accountNumber, holderName: row.holderName, updatedAt: sql`now()`, updatedBy: row.updatedBy },
      })
      .returning();
    return saved!;
  },
};

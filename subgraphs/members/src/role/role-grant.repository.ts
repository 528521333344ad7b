import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type Placeholder } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import { isAnyOf, type Executor } from '@dangvu/subgraph-kit';

const { roleGrants, members } = tables;

export type RoleGrantRow = typeof roleGrants.$inferSelect;

/** Grants in force on `day` (YYYY-MM-DD): started, and not yet ended. */
const activeOn = (day: string | Placeholder) => and(lte(roleGrants.startsOn, day), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, day)));

/** An organization's officers, built once: the home page and the organization page read them on every request. */
const officersQuery = (db: Executor) =>
  db
    .select({ orgId: roleGrants.orgId, role: roleGrants.role, fullName: members.fullName })
    .from(roleGrants)
    .innerJoin(members, eq(members.id, roleGrants.memberId))
    .where(
      and(
        isAnyOf(roleGrants.orgId, 'orgIds'),
        inArray(roleGrants.role, ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER']),
        activeOn(sql.placeholder('day')),
      ),
    )
    .orderBy(asc(roleGrants.role), asc(members.fullName))
    .prepare('officers_of');

export function roleGrantRepository(db: Executor) {
  let officers: ReturnType<typeof officersQuery> | undefined;
  return {
    activeOf: (memberId: string, day: string) =>
      db
        .select({ role: roleGrants.role, orgId: roleGrants.orgId, orgPath: roleGrants.orgPath })
        .from(roleGrants)
        .where(and(eq(roleGrants.memberId, memberId), activeOn(day))),
    ofMembers: (memberIds: readonly string[]) =>
      db.select().from(roleGrants).where(inArray(roleGrants.memberId, [...memberIds])).orderBy(desc(roleGrants.startsOn)),
    /** Current officers of each organization, with the holder's name. */
    officersOf: (orgIds: readonly string[], day: string) => (officers ??= officersQuery(db)).execute({ orgIds: [...orgIds], day }),
    async byIdForUpdate(id: string): Promise<RoleGrantRow | null> {
      const [row] = await db.select().from(roleGrants).where(eq(roleGrants.id, id)).for('update');
      return row ?? null;
    },
    /**
     * Grants of `role` on `orgId` still in force on or after `day`, read under a lock on (organization, role)
     * so that two administrators cannot both appoint a secretary at once.
     */
    async inForceLocked(orgId: string, role: RoleGrantRow['role'], day: string): Promise<RoleGrantRow[]> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${orgId}:${role}`}))`);
      return db
        .select()
        .from(roleGrants)
        .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.role, role), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, day))));
    },
    async insert(row: typeof roleGrants.$inferInsert): Promise<RoleGrantRow> {
      const [created] = await db.insert(roleGrants).values(row).returning();
      return created!;
    },
    async end(id: string, endsOn: string): Promise<RoleGrantRow> {
      const [ended] = await db.update(roleGrants).set({ endsOn }).where(eq(roleGrants.id, id)).returning();
      return ended!;
    },
  };
}

export type RoleGrantRepository = ReturnType<typeof roleGrantRepository>;

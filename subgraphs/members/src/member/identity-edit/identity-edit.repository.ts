import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { identityEdits } = tables;

export type IdentityEditRow = typeof identityEdits.$inferSelect;
export type IdentityEditInsert = typeof identityEdits.$inferInsert;

/** Proposed identity edits. */
export function identityEditRepository(db: Executor) {
  return {
    /** Null when the member already has a proposal awaiting the committee (the partial unique index). */
    async insert(row: IdentityEditInsert): Promise<IdentityEditRow | null> {
      const [created] = await db.insert(identityEdits).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },
    async byIdForUpdate(id: string): Promise<IdentityEditRow | null> {
      const [row] = await db.select().from(identityEdits).where(eq(identityEdits.id, id)).for('update');
      return row ?? null;
    },
    async decide(id: string, changes: Pick<IdentityEditRow, 'state' | 'decidedBy' | 'decidedAt' | 'decisionNote'>): Promise<IdentityEditRow> {
      const [row] = await db
        .update(identityEdits)
        .set({ ...changes, version: sql`${identityEdits.version} + 1` })
        .where(eq(identityEdits.id, id))
        .returning();
      return row!;
    },
    /** Each member's proposals, newest first. */
    ofMembers: (memberIds: readonly string[]) =>
      db
        .select()
        .from(identityEdits)
        .where(inArray(identityEdits.memberId, [...memberIds]))
        .orderBy(desc(identityEdits.proposedAt), desc(identityEdits.id)),
    /** The proposals awaiting a decision about members under each path, oldest first, each with the path it lies under. */
    async pendingUnder(paths: readonly string[]): Promise<(IdentityEditRow & { underPath: string })[]> {
      const rows = await db
        .select()
        .from(identityEdits)
        .where(and(eq(identityEdits.state, 'PROPOSED'), or(...paths.map((path) => like(identityEdits.orgPath, `${path}%`)))))
        .orderBy(asc(identityEdits.proposedAt), asc(identityEdits.id));
      return paths.flatMap((path) => rows.filter((row) => row.orgPath.startsWith(path)).map((row) => ({ ...row, underPath: path })));
    },
  };
}

export type IdentityEditRepository = ReturnType<typeof identityEditRepository>;

import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { residenceDeclarations } = tables;

export type ResidenceDeclarationRow = typeof residenceDeclarations.$inferSelect;

/** Members' declarations of their residence cell. */
export function residenceDeclarationRepository(db: Executor) {
  return {
    /** Null when the member already has a declaration awaiting confirmation (the partial unique index). */
    async insert(row: typeof residenceDeclarations.$inferInsert): Promise<ResidenceDeclarationRow | null> {
      const [created] = await db.insert(residenceDeclarations).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },
    async byIdForUpdate(id: string): Promise<ResidenceDeclarationRow | null> {
      const [row] = await db.select().from(residenceDeclarations).where(eq(residenceDeclarations.id, id)).for('update');
      return row ?? null;
    },
    async decide(id: string, changes: Pick<ResidenceDeclarationRow, 'state' | 'decidedBy' | 'decidedAt' | 'decisionNote'>): Promise<ResidenceDeclarationRow> {
      const [row] = await db
        .update(residenceDeclarations)
        .set({ ...changes, version: sql`${residenceDeclarations.version} + 1` })
        .where(eq(residenceDeclarations.id, id))
        .returning();
      return row!;
    },
    ofMembers: (memberIds: readonly string[]) =>
      db
        .select()
        .from(residenceDeclarations)
        .where(inArray(residenceDeclarations.memberId, [...memberIds]))
        .orderBy(desc(residenceDeclarations.declaredAt), desc(residenceDeclarations.id)),
    /** The declarations awaiting the commune committee at or above each path, oldest first, each with the path it lies under. */
    async pendingUnder(paths: readonly string[]): Promise<(ResidenceDeclarationRow & { underPath: string })[]> {
      const rows = await db
        .select()
        .from(residenceDeclarations)
        .where(and(eq(residenceDeclarations.state, 'DECLARED'), or(...paths.map((path) => like(residenceDeclarations.communePath, `${path}%`)))))
        .orderBy(asc(residenceDeclarations.declaredAt), asc(residenceDeclarations.id));
      return paths.flatMap((path) => rows.filter((row) => row.communePath.startsWith(path)).map((row) => ({ ...row, underPath: path })));
    },
  };
}

import { desc, eq, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { statusChanges } = tables;

export type StatusChangeRow = typeof statusChanges.$inferSelect;
export type StatusChangeInsert = typeof statusChanges.$inferInsert;
export type StatusChangeUpdate = Partial<Omit<StatusChangeInsert, 'id' | 'memberId' | 'kind' | 'createdAt'>>;

/** The procedures that change members' statuses, with their decision records. */
export function statusChangeRepository(db: Executor) {
  return {
    /** Null when the member already has an application awaiting the cell (the partial unique index). */
    async insert(row: StatusChangeInsert): Promise<StatusChangeRow | null> {
      const [created] = await db.insert(statusChanges).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },
    async byIdForUpdate(id: string): Promise<StatusChangeRow | null> {
      const [row] = await db.select().from(statusChanges).where(eq(statusChanges.id, id)).for('update');
      return row ?? null;
    },
    async update(id: string, changes: StatusChangeUpdate): Promise<StatusChangeRow> {
      const [updated] = await db.update(statusChanges).set(changes).where(eq(statusChanges.id, id)).returning();
      return updated!;
    },
    /** Each member's procedures, newest first. */
    ofMembers: (memberIds: readonly string[]): Promise<StatusChangeRow[]> =>
      db
        .select()
        .from(statusChanges)
        .where(inArray(statusChanges.memberId, [...memberIds]))
        .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id)),
  };
}

export type StatusChangeRepository = ReturnType<typeof statusChangeRepository>;

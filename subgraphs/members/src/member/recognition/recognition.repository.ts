import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { recognitions } = tables;

export type RecognitionRow = typeof recognitions.$inferSelect;

/** Recognitions as official members: the cell's proposals and the committee's decisions on them. */
export function recognitionRepository(db: Executor) {
  return {
    /** Null when the member has a proposal or a recognition alive already (the partial unique index): fifty at once make one. */
    async insert(row: typeof recognitions.$inferInsert): Promise<RecognitionRow | null> {
      const [created] = await db.insert(recognitions).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },
    /** The member's proposal awaiting the committee, locked for the caller's transaction. */
    async openOfMemberForUpdate(memberId: string): Promise<RecognitionRow | null> {
      const [row] = await db
        .select()
        .from(recognitions)
        .where(and(eq(recognitions.memberId, memberId), eq(recognitions.state, 'PROPOSED')))
        .for('update');
      return row ?? null;
    },
    async decide(
      id: string,
      changes: Pick<RecognitionRow, 'state' | 'decidedBy' | 'decidedOn' | 'decisionReference' | 'attachmentName' | 'officialOn' | 'rejectionReason'>,
    ): Promise<RecognitionRow> {
      const [row] = await db
        .update(recognitions)
        .set({ ...changes, version: sql`${recognitions.version} + 1` })
        .where(eq(recognitions.id, id))
        .returning();
      return row!;
    },
    /** Each member's recognitions, oldest first: a loader keyed by member keeps the newest. */
    ofMembers: (memberIds: readonly string[]) =>
      db
        .select()
        .from(recognitions)
        .where(inArray(recognitions.memberId, [...memberIds]))
        .orderBy(asc(recognitions.createdAt), asc(recognitions.id)),
  };
}

import { inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { recognitions } = tables;

export type RecognitionRow = typeof recognitions.$inferSelect;

/** Recognitions as official members, one per member. */
export function recognitionRepository(db: Executor) {
  return {
    /** Null when the member was recognized already (the unique index): fifty decisions at once make one. */
    async insert(row: typeof recognitions.$inferInsert): Promise<RecognitionRow | null> {
      const [created] = await db.insert(recognitions).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },
    ofMembers: (memberIds: readonly string[]) => db.select().from(recognitions).where(inArray(recognitions.memberId, [...memberIds])),
  };
}

import { desc, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

export type TransferRow = typeof tables.transfers.$inferSelect;

const { transfers } = tables;

export function transferRepository(db: Executor) {
  return {
    ofMembers: (memberIds: readonly string[]) =>
      db
        .select()
        .from(transfers)
        .where(inArray(transfers.memberId, [...memberIds]))
        .orderBy(desc(transfers.createdAt)),
  };
}

export type TransferRepository = ReturnType<typeof transferRepository>;

import { desc, inArray } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

export type TransferRow = typeof tables.transfers.$inferSelect;

const { transfers } = tables;

export function transferRepository(db: Db) {
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

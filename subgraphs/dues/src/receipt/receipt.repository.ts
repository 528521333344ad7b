import { desc, eq, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { receipts, payers } = tables;

/** A receipt with the path of the organization where its member pays now, which decides who may read it. */
const withPayerPath = { receipt: receipts, memberOrgPath: payers.orgPath };

export function receiptRepository(db: Executor) {
  return {
    /** The receipts with these ids, each with its member's current organization path (null off the roll). */
    byIds: (ids: readonly string[]) => db.select(withPayerPath).from(receipts).leftJoin(payers, eq(payers.memberId, receipts.memberId)).where(inArray(receipts.id, [...ids])),

    /** Each member's receipts, newest first. */
    ofMembers: (memberIds: readonly string[]) =>
      db.select().from(receipts).where(inArray(receipts.memberId, [...memberIds])).orderBy(desc(receipts.receivedAt), desc(receipts.number)),
  };
}

export type ReceiptRepository = ReturnType<typeof receiptRepository>;

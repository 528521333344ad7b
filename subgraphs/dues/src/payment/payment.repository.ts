import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { payers, obligations, receipts, receiptCounters } = tables;

export type ReceiptRow = typeof receipts.$inferSelect;

export function paymentRepository(db: Executor) {
  return {
    /** Where the member pays now: their cell's id and path, or undefined if the dues roll does not know them. */
    payer: async (memberId: string) => {
      const [row] = await db.select({ orgId: payers.orgId, orgPath: payers.orgPath }).from(payers).where(eq(payers.memberId, memberId));
      return row;
    },

    /** Who pays dues in the organization now, by member id. */
    payersIn: (orgId: string) =>
      db.select({ memberId: payers.memberId, orgPath: payers.orgPath }).from(payers).where(eq(payers.orgId, orgId)).orderBy(asc(payers.memberId)),

    /**
     * The member's obligations for these months, locked in month order: two payments touching the same months
     * wait for each other, and the second then sees the first's result (never a deadlock between them).
     */
    lockMonths: (memberId: string, periods: readonly string[]) =>
      db
        .select({ id: obligations.id, orgId: obligations.orgId, period: obligations.period, amount: sql<string>`${obligations.amount}::text`, status: obligations.status })
        .from(obligations)
        .where(and(eq(obligations.memberId, memberId), inArray(obligations.period, [...periods])))
        .orderBy(asc(obligations.period))
        .for('update'),

    /** The next receipt number of the organization for the year; the counter row stays locked until the transaction ends, so numbers have no gaps. */
    nextReceiptNumber: async (orgId: string, year: number) => {
      const [row] = await db
        .insert(receiptCounters)
        .values({ orgId, year, lastNumber: 1 })
        .onConflictDoUpdate({ target: [receiptCounters.orgId, receiptCounters.year], set: { lastNumber: sql`${receiptCounters.lastNumber} + 1` } })
        .returning({ number: receiptCounters.lastNumber });
      return row!.number;
    },

    insertReceipt: async (receipt: Omit<typeof receipts.$inferInsert, 'amount'> & { amount: bigint }) => {
      const [row] = await db
        .insert(receipts)
        .values({ ...receipt, amount: sql`${receipt.amount.toString()}::bigint` })
        .returning();
      return row!;
    },

    markPaid: (obligationIds: readonly string[], receiptId: string, status: 'PAID_CASH' | 'PAID_ONLINE', paidAt: Date) =>
      db.update(obligations).set({ status, paidAt, receiptId }).where(inArray(obligations.id, [...obligationIds])),
  };
}

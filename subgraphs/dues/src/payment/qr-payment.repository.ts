import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { collectionAccounts, qrPayments } = tables;

export type CollectionAccountRow = typeof collectionAccounts.$inferSelect;
export type QrPaymentRow = typeof qrPayments.$inferSelect;

/** The ids of an organization path `/a/b/c/`, outermost first. */
const idsOf = (path: string) => path.split('/').filter(Boolean);

/** The dues subgraph's copy of the organizations' dues accounts, and the QR payments prepared on them. */
export function qrPaymentRepository(db: Executor) {
  return {
    /** Keeps the account an organization announced, replacing the one it had. */
    saveAccount: (account: Omit<typeof collectionAccounts.$inferInsert, 'updatedAt'>) =>
      db
        .insert(collectionAccounts)
        .values(account)
        .onConflictDoUpdate({
          target: collectionAccounts.orgId,
          set: { orgPath: account.orgPath, bankBin: account.bankBin, accountNumber: account.accountNumber, holderName: account.holderName, updatedAt: sql`now()` },
        }),

    /** The account nearest the member's organization on its path: its own, else the closest committee's above it. */
    async accountOnPath(orgPath: string): Promise<CollectionAccountRow | undefined> {
      const [row] = await db
        .select()
        .from(collectionAccounts)
        .where(inArray(collectionAccounts.orgId, idsOf(orgPath)))
        .orderBy(desc(sql`strpos(${orgPath}, ${collectionAccounts.orgId}::text)`))
        .limit(1);
      return row;
    },

    async open(memberId: string, monthsKey: string): Promise<QrPaymentRow | undefined> {
      const [row] = await db.select().from(qrPayments).where(and(eq(qrPayments.memberId, memberId), eq(qrPayments.monthsKey, monthsKey), eq(qrPayments.status, 'OPEN')));
      return row;
    },

    supersede: (id: string) => db.update(qrPayments).set({ status: 'SUPERSEDED' }).where(eq(qrPayments.id, id)),

    async insert(payment: Omit<typeof qrPayments.$inferInsert, 'amount'> & { amount: bigint }): Promise<QrPaymentRow> {
      const [row] = await db
        .insert(qrPayments)
        .values({ ...payment, amount: sql`${payment.amount.toString()}::bigint` })
        .returning();
      return row!;
    },
  };
}

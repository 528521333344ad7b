import { and, desc, eq, like, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { voluntaryAmounts } = tables;

export type VoluntaryAmountRow = typeof voluntaryAmounts.$inferSelect;
export type VoluntaryAmountState = VoluntaryAmountRow['state'];

/** Voluntary higher amounts: proposals and the superior's decisions. */
export function voluntaryAmountRepository(db: Executor) {
  return {
    /** A new proposal; undefined while another of the member's awaits a decision (one pending at a time). */
    async insert(row: Omit<typeof voluntaryAmounts.$inferInsert, 'amount'> & { amount: bigint }): Promise<VoluntaryAmountRow | undefined> {
      const [created] = await db
        .insert(voluntaryAmounts)
        .values({ ...row, amount: sql`${row.amount.toString()}::bigint` })
        .onConflictDoNothing({ target: voluntaryAmounts.memberId, where: sql`${voluntaryAmounts.state} = 'PROPOSED'` })
        .returning();
      return created;
    },

    async byIdForUpdate(id: string): Promise<VoluntaryAmountRow | undefined> {
      const [row] = await db.select().from(voluntaryAmounts).where(eq(voluntaryAmounts.id, id)).for('update');
      return row;
    },

    async decide(id: string, decision: { state: VoluntaryAmountState; decidedBy: string; decidedAt: Date; decisionNote: string | null }) {
      const [row] = await db.update(voluntaryAmounts).set(decision).where(eq(voluntaryAmounts.id, id)).returning();
      return row!;
    },

    /** The member's approved amounts, as the obligation rules take them. */
    approvedOf: (memberId: string) =>
      db
        .select({ id: voluntaryAmounts.id, amount: sql<bigint>`${voluntaryAmounts.amount}`.mapWith((text: string) => BigInt(text)), fromMonth: voluntaryAmounts.fromMonth })
        .from(voluntaryAmounts)
        .where(and(eq(voluntaryAmounts.memberId, memberId), eq(voluntaryAmounts.state, 'APPROVED'))),

    /** The proposals of members of the subtree at `path`, newest first, in one state or all. */
    inSubtree: (path: string, state: VoluntaryAmountState | null) =>
      db
        .select()
        .from(voluntaryAmounts)
        .where(and(like(voluntaryAmounts.orgPath, `${path}%`), state ? eq(voluntaryAmounts.state, state) : undefined))
        .orderBy(desc(voluntaryAmounts.proposedAt))
        .limit(500),
  };
}

export type VoluntaryAmountRepository = ReturnType<typeof voluntaryAmountRepository>;

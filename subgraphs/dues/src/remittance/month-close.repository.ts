import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { obligations, monthCloses } = tables;

export type MonthCloseRow = typeof monthCloses.$inferSelect;

/** Statuses whose money the organization has (docs/rules/dues-standing.md#the-standing: settled, less the waived). */
const COLLECTED = ['PAID_CASH', 'PAID_ONLINE', 'PREPAID'] as const;

/** Closed months and the totals they froze. */
export function monthCloseRepository(db: Executor) {
  return {
    /**
     * The organization's obligations of the month, counted and summed; their rows are held (FOR SHARE) until the
     * transaction ends, so a payment under way finishes first and one arriving later sees the month closed.
     */
    async totals(orgId: string, period: string) {
      await db.select({ id: obligations.id }).from(obligations).where(and(eq(obligations.orgId, orgId), eq(obligations.period, period))).for('share');
      const [row] = await db
        .select({
          obligationCount: sql<number>`count(*)::int`,
          paidCount: sql<number>`(count(*) filter (where ${inArray(obligations.status, [...COLLECTED])}))::int`,
          amountDue: sql<string>`coalesce(sum(${obligations.amount}), 0)::text`,
          amountCollected: sql<string>`coalesce(sum(${obligations.amount}) filter (where ${inArray(obligations.status, [...COLLECTED])}), 0)::text`,
        })
        .from(obligations)
        .where(and(eq(obligations.orgId, orgId), eq(obligations.period, period)));
      return { ...row!, amountDue: BigInt(row!.amountDue), amountCollected: BigInt(row!.amountCollected) };
    },

    /** Records the close; undefined when the month is closed already. */
    async insert(close: Omit<typeof monthCloses.$inferInsert, 'amountDue' | 'amountCollected' | 'amountKept' | 'amountRemitted'> & Record<'amountDue' | 'amountCollected' | 'amountKept' | 'amountRemitted', bigint>) {
      const [row] = await db
        .insert(monthCloses)
        .values({
          ...close,
          amountDue: sql`${close.amountDue.toString()}::bigint`,
          amountCollected: sql`${close.amountCollected.toString()}::bigint`,
          amountKept: sql`${close.amountKept.toString()}::bigint`,
          amountRemitted: sql`${close.amountRemitted.toString()}::bigint`,
        })
        .onConflictDoNothing({ target: [monthCloses.orgId, monthCloses.period] })
        .returning();
      return row;
    },

    /** Which of these organization-months (first days) are closed, as `orgId period` keys. */
    async closedAmong(months: readonly { orgId: string; period: string }[]): Promise<Set<string>> {
      if (months.length === 0) return new Set();
      const rows = await db
        .select({ orgId: monthCloses.orgId, period: monthCloses.period })
        .from(monthCloses)
        .where(and(inArray(monthCloses.orgId, [...new Set(months.map((m) => m.orgId))]), inArray(monthCloses.period, [...new Set(months.map((m) => m.period))])));
      return new Set(rows.map((row) => `${row.orgId} ${row.period}`));
    },

    /** The closes of the month by the organization and those under it, outermost first. */
    inSubtree: (path: string, period: string) =>
      db
        .select()
        .from(monthCloses)
        .where(and(like(monthCloses.orgPath, `${path}%`), eq(monthCloses.period, period)))
        .orderBy(sql`length(${monthCloses.orgPath})`, monthCloses.orgPath),
  };
}

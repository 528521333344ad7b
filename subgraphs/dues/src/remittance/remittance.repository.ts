import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { remittances, monthAdjustments, monthCloses } = tables;

export type RemittanceRow = typeof remittances.$inferSelect;
export type AdjustmentRow = typeof monthAdjustments.$inferSelect;
export type RemittanceState = RemittanceRow['state'];

const bigintSql = (amount: bigint) => sql`${amount.toString()}::bigint`;

/** Remittances up the tree and the adjustment entries of closed months. */
export function remittanceRepository(db: Executor) {
  return {
    async close(orgId: string, period: string) {
      const [row] = await db.select().from(monthCloses).where(and(eq(monthCloses.orgId, orgId), eq(monthCloses.period, period)));
      return row;
    },

    /** The organization's remittance of the month, locked until the transaction ends. */
    async ofMonthForUpdate(orgId: string, period: string): Promise<RemittanceRow | undefined> {
      const [row] = await db.select().from(remittances).where(and(eq(remittances.orgId, orgId), eq(remittances.period, period))).for('update');
      return row;
    },

    async byIdForUpdate(id: string): Promise<RemittanceRow | undefined> {
      const [row] = await db.select().from(remittances).where(eq(remittances.id, id)).for('update');
      return row;
    },

    /** A first submission; undefined when one for the month arrived at the same moment. */
    async insert(row: Omit<typeof remittances.$inferInsert, 'amount' | 'amountFromClose' | 'amountFromAdjustments'> & Record<'amount' | 'amountFromClose' | 'amountFromAdjustments', bigint>) {
      const [created] = await db
        .insert(remittances)
        .values({ ...row, amount: bigintSql(row.amount), amountFromClose: bigintSql(row.amountFromClose), amountFromAdjustments: bigintSql(row.amountFromAdjustments) })
        .onConflictDoNothing({ target: [remittances.orgId, remittances.period] })
        .returning();
      return created;
    },

    /** A resubmission after a rejection: the new transfer, the amount again, the superior's last answer cleared. */
    async resubmit(id: string, row: { amount: bigint; amountFromClose: bigint; amountFromAdjustments: bigint; transferReference: string; transferredOn: string; submittedBy: string; submittedAt: Date }) {
      const [updated] = await db
        .update(remittances)
        .set({
          ...row,
          state: 'SUBMITTED',
          amount: bigintSql(row.amount),
          amountFromClose: bigintSql(row.amountFromClose),
          amountFromAdjustments: bigintSql(row.amountFromAdjustments),
          decidedBy: null,
          decidedAt: null,
          rejectionReason: null,
        })
        .where(eq(remittances.id, id))
        .returning();
      return updated!;
    },

    async decide(id: string, decision: { state: RemittanceState; decidedBy: string; decidedAt: Date; rejectionReason: string | null }) {
      const [updated] = await db.update(remittances).set(decision).where(eq(remittances.id, id)).returning();
      return updated!;
    },

    /** What the superior received, newest month first, in one state or all. */
    received: (superiorOrgId: string, state: RemittanceState | null) =>
      db
        .select()
        .from(remittances)
        .where(and(eq(remittances.superiorOrgId, superiorOrgId), state ? eq(remittances.state, state) : undefined))
        .orderBy(desc(remittances.period), asc(remittances.orgPath))
        .limit(500),

    /** The remittances of these organization-months (`orgId period` keys' parts). */
    ofMonths: (orgIds: readonly string[], periods: readonly string[]) =>
      db.select().from(remittances).where(and(inArray(remittances.orgId, [...orgIds]), inArray(remittances.period, [...periods]))),

    insertAdjustment: (row: Omit<typeof monthAdjustments.$inferInsert, 'amount' | 'amountKept' | 'amountRemitted'> & Record<'amount' | 'amountKept' | 'amountRemitted', bigint>) =>
      db
        .insert(monthAdjustments)
        .values({ ...row, amount: bigintSql(row.amount), amountKept: bigintSql(row.amountKept), amountRemitted: bigintSql(row.amountRemitted) })
        .returning()
        .then((rows) => rows[0]!),

    /**
     * The adjustments a remittance of `period` carries, locked: the organization's adjustments of that month or
     * earlier that no other remittance carried (or that this one carried before it was rejected).
     */
    lockCarried: (orgId: string, period: string, remittanceId: string | null) =>
      db
        .select()
        .from(monthAdjustments)
        .where(
          and(
            eq(monthAdjustments.orgId, orgId),
            lte(monthAdjustments.period, period),
            remittanceId ? or(isNull(monthAdjustments.carriedBy), eq(monthAdjustments.carriedBy, remittanceId)) : isNull(monthAdjustments.carriedBy),
          ),
        )
        .orderBy(asc(monthAdjustments.recordedAt))
        .for('update'),

    carry: (ids: readonly string[], remittanceId: string) =>
      ids.length === 0 ? Promise.resolve() : db.update(monthAdjustments).set({ carriedBy: remittanceId }).where(inArray(monthAdjustments.id, [...ids])).then(() => undefined),

    /** The adjustments recorded against these organization-months, oldest first. */
    adjustmentsOf: (orgIds: readonly string[], periods: readonly string[]) =>
      db
        .select()
        .from(monthAdjustments)
        .where(and(inArray(monthAdjustments.orgId, [...orgIds]), inArray(monthAdjustments.period, [...periods])))
        .orderBy(asc(monthAdjustments.recordedAt)),
  };
}

export type RemittanceRepository = ReturnType<typeof remittanceRepository>;

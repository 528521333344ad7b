import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { asBigint } from '../obligation/obligation.repository.ts';
import type { PlannedObligation } from '../obligation/obligation.rules.ts';

const { payers, obligations, reliefDecisions } = tables;

export type ReliefDecisionRow = typeof reliefDecisions.$inferSelect;

/** Waiver and reduction decisions, and the months already made that a new decision changes. */
export function reliefRepository(db: Executor) {
  return {
    /** The payer as the monthly run reckons them. */
    async payer(memberId: string) {
      const [row] = await db
        .select({
          memberId: payers.memberId,
          orgId: payers.orgId,
          orgPath: payers.orgPath,
          category: payers.category,
          basis: sql<bigint | null>`${payers.basis}`.mapWith(asBigint),
          birthDate: payers.birthDate,
          sex: payers.sex,
        })
        .from(payers)
        .where(eq(payers.memberId, memberId));
      return row;
    },

    /** Records the decision; undefined when the same decision (member and reference) is recorded already. */
    async insert(decision: typeof reliefDecisions.$inferInsert): Promise<ReliefDecisionRow | undefined> {
      const [row] = await db.insert(reliefDecisions).values(decision).onConflictDoNothing({ target: [reliefDecisions.memberId, reliefDecisions.reference] }).returning();
      return row;
    },

    /** Every decision of the member, to find the one in force each month. */
    ofMember: (memberId: string) =>
      db
        .select({ id: reliefDecisions.id, kind: reliefDecisions.kind, percent: reliefDecisions.percent, fromMonth: reliefDecisions.fromMonth, untilMonth: reliefDecisions.untilMonth })
        .from(reliefDecisions)
        .where(eq(reliefDecisions.memberId, memberId)),

    /** The member's months from `from` to `until` (first days; open when null) still owed, locked in month order as payments lock them. */
    lockOpenMonths: (memberId: string, from: string, until: string | null) =>
      db
        .select({ id: obligations.id, orgId: obligations.orgId, period: obligations.period, status: obligations.status })
        .from(obligations)
        .where(
          and(
            eq(obligations.memberId, memberId),
            gte(obligations.period, from),
            until ? lte(obligations.period, until) : undefined,
            inArray(obligations.status, ['DUE', 'OVERDUE', 'REDUCED']),
          ),
        )
        .orderBy(asc(obligations.period))
        .for('update'),

    /** A month made again under the decision now in force; a waived month becomes WAIVED, any other keeps its status. */
    replan: (id: string, planned: PlannedObligation) =>
      db
        .update(obligations)
        .set({
          amount: sql`${planned.amount.toString()}::bigint`,
          ratedAmount: sql`${planned.ratedAmount.toString()}::bigint`,
          calculation: planned.calculation,
          reliefDecisionId: planned.reliefDecisionId,
          ...(planned.status === 'WAIVED' ? { status: 'WAIVED' as const } : {}),
        })
        .where(eq(obligations.id, id)),
  };
}

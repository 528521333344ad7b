import { and, eq, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { jsonRecords } from '../json-records.ts';
import type { PlannedObligation } from './obligation.rules.ts';

const { payers, obligations, reliefDecisions, orgWageRegions, collectionAccounts, duesOrganizations, voluntaryAmounts } = tables;

/** postgres.js gives bigint as text: read it as a bigint, never through a JavaScript number (docs/rules/money.md). */
export const asBigint = (text: string | null) => (text === null ? null : BigInt(text));

export function obligationRepository(db: Executor) {
  return {
    /** Payers who owe for `period` (collecting from it or before), in member id order after `afterMemberId`. */
    payersAfter: (period: string, afterMemberId: string | null, limit: number) =>
      db
        .select({
          memberId: payers.memberId,
          orgId: payers.orgId,
          category: payers.category,
          basis: sql<bigint | null>`${payers.basis}`.mapWith(asBigint),
          birthDate: payers.birthDate,
          sex: payers.sex,
        })
        .from(payers)
        .where(and(lte(payers.collectsFrom, period), afterMemberId ? gt(payers.memberId, afterMemberId) : undefined))
        .orderBy(payers.memberId)
        .limit(limit),

    countPayers: async (period: string) => {
      const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(payers).where(lte(payers.collectsFrom, period));
      return row!.count;
    },

    /** The waivers and reductions of these members in force in `period`. */
    reliefsIn: (memberIds: readonly string[], period: string) =>
      db
        .select({
          id: reliefDecisions.id,
          memberId: reliefDecisions.memberId,
          kind: reliefDecisions.kind,
          percent: reliefDecisions.percent,
          fromMonth: reliefDecisions.fromMonth,
          untilMonth: reliefDecisions.untilMonth,
        })
        .from(reliefDecisions)
        .where(
          and(
            inArray(reliefDecisions.memberId, [...memberIds]),
            lte(reliefDecisions.fromMonth, period),
            or(isNull(reliefDecisions.untilMonth), sql`${reliefDecisions.untilMonth} >= ${period}`),
          ),
        ),

    /** The approved voluntary amounts of these members taking effect by `period`. */
    voluntaryAmountsBy: (memberIds: readonly string[], period: string) =>
      db
        .select({ id: voluntaryAmounts.id, memberId: voluntaryAmounts.memberId, amount: sql<bigint>`${voluntaryAmounts.amount}`.mapWith((text: string) => BigInt(text)), fromMonth: voluntaryAmounts.fromMonth })
        .from(voluntaryAmounts)
        .where(and(inArray(voluntaryAmounts.memberId, [...memberIds]), eq(voluntaryAmounts.state, 'APPROVED'), lte(voluntaryAmounts.fromMonth, period))),

    regionsOf: (orgIds: readonly string[]) =>
      db.select({ orgId: orgWageRegions.orgId, region: orgWageRegions.region }).from(orgWageRegions).where(inArray(orgWageRegions.orgId, [...orgIds])),

    /** Adds the months not yet made; a month already there (a rerun, a crash retried) is left as it is. Returns how many were added. */
    insertMissing: async (planned: readonly PlannedObligation[]) => {
      if (planned.length === 0) return 0;
      const rows = planned.map((o) => ({
        member_id: o.memberId,
        org_id: o.orgId,
        period: o.period,
        amount: o.amount.toString(),
        rated_amount: o.ratedAmount.toString(),
        status: o.status,
        calculation: o.calculation,
        relief_decision_id: o.reliefDecisionId,
      }));
      const inserted = await db.execute<{ id: string }>(sql`
        insert into ${obligations} (member_id, org_id, period, amount, rated_amount, status, calculation, relief_decision_id)
        select member_id, org_id, period, amount, rated_amount, status::dues.obligation_status, calculation, relief_decision_id
        from jsonb_to_recordset(${jsonRecords(rows)})
          as planned(member_id uuid, org_id uuid, period date, amount bigint, rated_amount bigint, status text, calculation text, relief_decision_id uuid)
        on conflict (member_id, period) do nothing
        returning id`);
      return [...inserted].length;
    },

    /** A member moves to another organization: the roll follows, and so do their still-unpaid months after `afterPeriod`. */
    moveMember: async (memberId: string, orgId: string, orgPath: string, afterPeriod: string) => {
      await db.update(payers).set({ orgId, orgPath, updatedAt: new Date() }).where(eq(payers.memberId, memberId));
      await db
        .update(obligations)
        .set({ orgId })
        .where(and(eq(obligations.memberId, memberId), gt(obligations.period, afterPeriod), inArray(obligations.status, ['DUE', 'OVERDUE', 'REDUCED'])));
    },

    /** `/old/…` becomes `/new/…` for every payer, collection account and organization in the moved subtree. */
    movePaths: async (oldPath: string, newPath: string) => {
      await db
        .update(payers)
        .set({ orgPath: sql`${newPath} || substr(${payers.orgPath}, ${oldPath.length + 1})` })
        .where(like(payers.orgPath, `${oldPath}%`));
      await db
        .update(collectionAccounts)
        .set({ orgPath: sql`${newPath} || substr(${collectionAccounts.orgPath}, ${oldPath.length + 1})` })
        .where(like(collectionAccounts.orgPath, `${oldPath}%`));
      await db
        .update(duesOrganizations)
        .set({ path: sql`${newPath} || substr(${duesOrganizations.path}, ${oldPath.length + 1})` })
        .where(like(duesOrganizations.path, `${oldPath}%`));
    },

    /** A member leaves the system: no more months are made for them; what they owed stays on record. */
    removePayer: (memberId: string) => db.delete(payers).where(eq(payers.memberId, memberId)),
  };
}

export type ObligationRepository = ReturnType<typeof obligationRepository>;

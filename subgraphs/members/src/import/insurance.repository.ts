import { and, asc, eq, gt, inArray, isNull, like, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';

const { insuranceReconciliations, insuranceReconciliationRows, members } = tables;

export type StoredReconciliation = typeof insuranceReconciliations.$inferSelect;
export type StoredInsuranceRow = typeof insuranceReconciliationRows.$inferSelect;
export type InsuranceRowKind = StoredInsuranceRow['kind'];

const INSERT_BATCH = 1_000;

/** Social-insurance reconciliations, their rows, and the register reads and writes they need. */
export function insuranceRepository(executor: Executor) {
  return {
    async create(row: typeof insuranceReconciliations.$inferInsert, rows: Omit<typeof insuranceReconciliationRows.$inferInsert, 'reconciliationId'>[]) {
      const [created] = await executor.insert(insuranceReconciliations).values(row).returning();
      for (let at = 0; at < rows.length; at += INSERT_BATCH) {
        await executor.insert(insuranceReconciliationRows).values(rows.slice(at, at + INSERT_BATCH).map((r) => ({ ...r, reconciliationId: created!.id })));
      }
      return created!;
    },
    async byId(id: string): Promise<StoredReconciliation | null> {
      const [row] = await executor.select().from(insuranceReconciliations).where(eq(insuranceReconciliations.id, id));
      return row ?? null;
    },
    async byIdForUpdate(id: string): Promise<StoredReconciliation | null> {
      const [row] = await executor.select().from(insuranceReconciliations).where(eq(insuranceReconciliations.id, id)).for('update');
      return row ?? null;
    },
    /** Members of the subtree by citizen ID, in batches of one statement each. */
    async membersWithin(citizenIds: string[], orgPath: string): Promise<MemberRow[]> {
      const found: MemberRow[] = [];
      for (let at = 0; at < citizenIds.length; at += 5_000) {
        found.push(...(await executor.select().from(members).where(and(inArray(members.citizenId, citizenIds.slice(at, at + 5_000)), like(members.orgPath, `${orgPath}%`)))));
      }
      return found;
    },
    async counts(id: string) {
      const rows = await executor
        .select({ kind: insuranceReconciliationRows.kind, count: sql<number>`count(*)::int`, applied: sql<number>`count(${insuranceReconciliationRows.appliedAt})::int` })
        .from(insuranceReconciliationRows)
        .where(eq(insuranceReconciliationRows.reconciliationId, id))
        .groupBy(insuranceReconciliationRows.kind);
      const counts = { CHANGED: 0, UNCHANGED: 0, NOT_FOUND: 0, INVALID: 0, APPLIED: 0 };
      for (const row of rows) {
        counts[row.kind] = row.count;
        counts.APPLIED += row.applied;
      }
      return counts;
    },
    rows(id: string, kinds: InsuranceRowKind[] | null, afterRow: number, limit: number): Promise<StoredInsuranceRow[]> {
      return executor
        .select()
        .from(insuranceReconciliationRows)
        .where(
          and(
            eq(insuranceReconciliationRows.reconciliationId, id),
            gt(insuranceReconciliationRows.rowNumber, afterRow),
            kinds ? inArray(insuranceReconciliationRows.kind, kinds) : undefined,
          ),
        )
        .orderBy(asc(insuranceReconciliationRows.rowNumber))
        .limit(limit);
    },
    applicable(id: string, rowNumbers: number[] | null): Promise<StoredInsuranceRow[]> {
      return executor
        .select()
        .from(insuranceReconciliationRows)
        .where(
          and(
            eq(insuranceReconciliationRows.reconciliationId, id),
            eq(insuranceReconciliationRows.kind, 'CHANGED'),
            isNull(insuranceReconciliationRows.appliedAt),
            rowNumbers ? inArray(insuranceReconciliationRows.rowNumber, rowNumbers) : undefined,
          ),
        )
        .orderBy(asc(insuranceReconciliationRows.rowNumber))
        .for('update');
    },
    async markApplied(id: string, rowNumbers: number[], allDone: boolean) {
      if (rowNumbers.length > 0) {
        await executor
          .update(insuranceReconciliationRows)
          .set({ appliedAt: sql`now()` })
          .where(and(eq(insuranceReconciliationRows.reconciliationId, id), inArray(insuranceReconciliationRows.rowNumber, rowNumbers)));
      }
      if (allDone) await executor.update(insuranceReconciliations).set({ status: 'APPLIED', appliedAt: sql`now()` }).where(eq(insuranceReconciliations.id, id));
    },
    async setDuesBasis(memberId: string, salary: number): Promise<MemberRow> {
      const [updated] = await executor
        .update(members)
        .set({ duesCategory: 'SOCIAL_INSURANCE_SALARY', duesBasis: salary, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
        .where(eq(members.id, memberId))
        .returning();
      return updated!;
    },
  };
}

export type InsuranceRepository = ReturnType<typeof insuranceRepository>;

import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { and, eq, inArray } from 'drizzle-orm';

const { monthlyReports } = tables;

export type MonthlyReportRow = typeof monthlyReports.$inferSelect;

export function monthlyReportRepository(db: Executor) {
  return {
    /** The report, or null when one for the organization and month exists already (fifty clicks make one report). */
    async insertOnce(row: typeof monthlyReports.$inferInsert): Promise<MonthlyReportRow | null> {
      const [inserted] = await db.insert(monthlyReports).values(row).onConflictDoNothing().returning();
      return inserted ?? null;
    },
    /** Keys `orgId|month`: the month's reports of many organizations, one statement per month. */
    async byKeys(keys: readonly string[]): Promise<MonthlyReportRow[]> {
      const byMonth = Map.groupBy(
        keys.map((key) => key.split('|') as [string, string]),
        ([, month]) => month,
      );
      const rows: MonthlyReportRow[] = [];
      for (const [month, pairs] of byMonth) {
        rows.push(...(await db.select().from(monthlyReports).where(and(eq(monthlyReports.month, month), inArray(monthlyReports.orgId, pairs.map(([orgId]) => orgId))))));
      }
      return rows;
    },
  };
}

export type MonthlyReportRepository = ReturnType<typeof monthlyReportRepository>;

import type { RequestEvent } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { lastDayOf } from './months.ts';
import { MonthlyReportQuery } from './report.graphql.ts';

/**
 * A month's report over the tree it belongs with (docs/rules/reports.md#the-tree-of-the-month): once frozen,
 * the organizations under it as they stood on the month's last day, each with its frozen figures; while live,
 * today's tree, which the live figures are counted on. Whether it is frozen is known only from the first answer.
 */
export async function monthlyReport(event: RequestEvent, id: string, month: string) {
  const live = await query(event, MonthlyReportQuery, { id, month });
  if (!live.data?.organization?.memberMonthlyFigures.frozen) return live;
  return query(event, MonthlyReportQuery, { id, month, asOf: lastDayOf(month) });
}

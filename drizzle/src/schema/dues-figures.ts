import { bigint, index, integer, primaryKey } from 'drizzle-orm/pg-core';
import { duesSchema } from './dues.ts';
import { monthlyFiguresKey } from './member-figures.ts';

/**
 * A month's dues figures for an organization's subtree, frozen at the reporting deadline
 * (docs/rules/reports.md#frozen-months) by the `dues.monthly-figures` job, never updated. Money in whole dong.
 * No person column: what is not stored cannot leak through a report.
 */
export const duesMonthlyFigures = duesSchema.table(
  'monthly_figures',
  {
    ...monthlyFiguresKey(),
    obligations: integer().notNull(),
    expected: bigint({ mode: 'bigint' }).notNull(),
    collectedOnline: bigint('collected_online', { mode: 'bigint' }).notNull(),
    collectedCash: bigint('collected_cash', { mode: 'bigint' }).notNull(),
    collectedPrepaid: bigint('collected_prepaid', { mode: 'bigint' }).notNull(),
    /** Obligations settled: paid, prepaid or waived. */
    settled: integer().notNull(),
    membersTwoUnpaid: integer('members_two_unpaid').notNull(),
    membersThreeUnpaid: integer('members_three_unpaid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.orgId] }), index('dues_monthly_figures_path_idx').using('btree', t.month, t.orgPath.op('text_pattern_ops'))],
);

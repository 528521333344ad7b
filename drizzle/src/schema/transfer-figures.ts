import { index, integer, primaryKey } from 'drizzle-orm/pg-core';
import { monthlyFiguresKey } from './member-figures.ts';
import { transfersSchema } from './transfers.ts';

const perKind = (kind: 'official' | 'temporary') => ({
  [`${kind}Received`]: integer(`${kind}_received`).notNull(),
  [`${kind}Completed`]: integer(`${kind}_completed`).notNull(),
  [`${kind}OnTime`]: integer(`${kind}_on_time`).notNull(),
  [`${kind}Overdue`]: integer(`${kind}_overdue`).notNull(),
  [`${kind}CompletedOnline`]: integer(`${kind}_completed_online`).notNull(),
});

/**
 * A month's transfer figures, per procedure, for the dossiers a subtree sent (docs/rules/reports.md#transfer-figures),
 * frozen at the reporting deadline by `transfers.monthly-figures`, never updated. No person column.
 */
export const transferMonthlyFigures = transfersSchema.table(
  'monthly_figures',
  { ...monthlyFiguresKey(), ...perKind('official'), ...perKind('temporary') },
  (t) => [primaryKey({ columns: [t.month, t.orgId] }), index('transfers_monthly_figures_path_idx').using('btree', t.month, t.orgPath.op('text_pattern_ops'))],
);

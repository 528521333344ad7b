import { boolean, char, date, index, integer, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { membersSchema } from './members.ts';

/**
 * The organizations whose roll-out setting differs from the default (kept out, or given a month to go
 * online), copied from the organization subgraph's `organization.rolloutSet` events so that the members'
 * figures can follow the exclusions without reading another schema (docs/decisions/0007-where-reports-live.md).
 * An organization back to the default (in scope, no month) has no row.
 */
export const rolloutSettings = membersSchema.table(
  'rollout_settings',
  {
    orgId: uuid('org_id').primaryKey(),
    orgPath: text('org_path').notNull(),
    inRolloutScope: boolean('in_rollout_scope').notNull(),
    /** First day of the month it goes online; null inherits from above (docs/rules/organization-tree.md#roll-out-stage). */
    rolloutOnlineFrom: date('rollout_online_from'),
  },
  (t) => [index('rollout_settings_path_idx').using('btree', t.orgPath.op('text_pattern_ops'))],
);

/**
 * The columns every subgraph's `monthly_figures` table starts with (docs/decisions/0007-where-reports-live.md):
 * the month, the organization, its path as it stood at the freeze (the month is read against its own tree),
 * the definition the figures were computed with (docs/rules/reports.md#definitions), and when.
 */
export const monthlyFiguresKey = () => ({
  month: char({ length: 7 }).notNull(),
  orgId: uuid('org_id').notNull(),
  orgPath: text('org_path').notNull(),
  definition: integer().notNull(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
});

/**
 * A month's members figures for an organization's subtree, frozen at the reporting deadline
 * (docs/rules/reports.md#frozen-months): written once by the `members.monthly-figures` job, never updated.
 * No person column: what is not stored cannot leak through a report.
 */
export const memberMonthlyFigures = membersSchema.table(
  'monthly_figures',
  {
    ...monthlyFiguresKey(),
    /** Official and probationary members in live statuses. */
    members: integer().notNull(),
    inScope: integer('in_scope').notNull(),
    outExempt: integer('out_exempt').notNull(),
    outAbroad: integer('out_abroad').notNull(),
    outOrganizationExcluded: integer('out_organization_excluded').notNull(),
    outNotYetOnline: integer('out_not_yet_online').notNull(),
    accountsIssued: integer('accounts_issued').notNull(),
    accountsActivated: integer('accounts_activated').notNull(),
    accountsUsed30Days: integer('accounts_used_30_days').notNull(),
    commentsRequested: integer('comments_requested').notNull(),
    commentsAnswered: integer('comments_answered').notNull(),
    commentsOverdue: integer('comments_overdue').notNull(),
    /**
     * Readiness (docs/rules/reports.md#role-accounts): the organizations counted, and of them those where a
     * member holding the role has an activated account. Rows frozen before these columns existed read 0.
     */
    organizations: integer().notNull().default(0),
    secretaryAccounts: integer('secretary_accounts').notNull().default(0),
    deputyAccounts: integer('deputy_accounts').notNull().default(0),
    financeAccounts: integer('finance_accounts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.orgId] }),
    index('monthly_figures_path_idx').using('btree', t.month, t.orgPath.op('text_pattern_ops')),
  ],
);

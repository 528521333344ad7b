import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export const organizationSchema = pgSchema('organization');

/** docs/rules/organization-tree.md#organization-types: the kinds of party organization after the 2025 two-level reform. */
export const orgType = organizationSchema.enum('org_type', [
  'CENTRAL',
  'CENTRAL_DIRECT_COMMITTEE',
  'PROVINCIAL',
  'PROVINCE_SUBORDINATE',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'PARTIAL_COMMITTEE',
  'SUBORDINATE_CELL',
  'PARTY_GROUP',
  'OVERSEAS',
]);

export const organizations = organizationSchema.table(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    type: orgType().notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    /** Materialized path of ids, `/root/…/self/`: a subtree is `path LIKE '<path>%'`. */
    path: text().notNull(),
    /** A commune may keep, say, its military and police cells out of the roll-out (docs/rules/organization-tree.md#roll-out-scope). */
    inRolloutScope: boolean('in_rollout_scope').notNull().default(true),
    /**
     * First day of the month the organization enters the online procedures, as its superior set it; null
     * takes the month of the nearest organization above that has one (docs/rules/organization-tree.md#roll-out-stage).
     */
    rolloutOnlineFrom: date('rollout_online_from'),
    /**
     * For a commune, ward or special-zone committee, the code of its administrative unit (5 digits), by which a
     * member's residence finds the committee of their commune (docs/rules/organization-tree.md#administrative-unit).
     */
    administrativeUnitCode: text('administrative_unit_code'),
    /** Day the organization was dissolved; it stays in the tree for history and reports. */
    dissolvedOn: date('dissolved_on'),
    /**
     * Day the kind was last reviewed by a committee above, through reclassifying, confirming it, or creating the
     * organization with it; null while unreviewed, as for organizations brought in before the review
     * (docs/rules/organization-tree.md#classification-review).
     */
    classifiedOn: date('classified_on'),
    /** Optimistic-locking counter, raised by every change. */
    version: integer().notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('organizations_parent_idx').on(t.parentId),
    uniqueIndex('organizations_administrative_unit_idx').on(t.administrativeUnitCode).where(sql`${t.dissolvedOn} is null`),
  ],
);

/**
 * The tree as it was: one row per period during which an organization had a given name, type and parent.
 * A report about last year reads the versions valid then, so a merger does not rewrite the past.
 */
export const organizationVersions = organizationSchema.table(
  'organization_versions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text().notNull(),
    type: orgType().notNull(),
    parentId: uuid('parent_id'),
    path: text().notNull(),
    /** First day this version holds. */
    validFrom: date('valid_from').notNull(),
    /** First day it no longer holds; null while current. */
    validTo: date('valid_to'),
  },
  (t) => [index('organization_versions_org_idx').on(t.orgId, t.validFrom)],
);

/** Where an organization receives its members' dues (docs/rules/bank-accounts.md#one-account-per-organization): one account per organization. */
export const bankAccounts = organizationSchema.table('bank_accounts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  /** NAPAS bank identification number (BIN) of the bank. */
  bankBin: text('bank_bin').notNull(),
  accountNumber: text('account_number').notNull(),
  /** As the bank holds it: upper case, without diacritics. */
  holderName: text('holder_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/**
 * How many members have their official activity in each organization: a read model the members subgraph
 * feeds (events, or the demo seed), so that "dissolve only when empty" needs no read of its tables.
 */
export const memberCounts = organizationSchema.table('member_counts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  members: integer().notNull().default(0),
});

/**
 * A cell's or a commune's monthly report to the level above (docs/rules/reports.md#the-report-as-a-document):
 * submitted once per organization and month by its own secretary or deputy. It holds no figures: those are
 * each subgraph's frozen rows for the month.
 */
export const monthlyReports = organizationSchema.table(
  'monthly_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    /** The organization's path at submission, for the superior's reads over its subtree. */
    orgPath: text('org_path').notNull(),
    month: text().notNull(),
    /** The deadline: on time when submitted before this day (Vietnam time). */
    dueOn: date('due_on').notNull(),
    /** The officer's review: what the figures leave out, what the cell will do. */
    note: text(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    late: boolean().notNull(),
  },
  (t) => [uniqueIndex('monthly_reports_org_month_idx').on(t.orgId, t.month), index('monthly_reports_month_path_idx').using('btree', t.month, t.orgPath.op('text_pattern_ops'))],
);

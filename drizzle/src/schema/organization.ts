import { boolean, index, pgSchema, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const organizationSchema = pgSchema('organization');

/** DOMAIN.md §2: the kinds of party organization after the 2025 two-level reform. */
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
    /** A commune may keep, say, its military and police cells out of the roll-out (DOMAIN.md §7.1). */
    inRolloutScope: boolean('in_rollout_scope').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organizations_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('organizations_parent_idx').on(t.parentId),
  ],
);

import { date, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const transfersSchema = pgSchema('transfers');

export const transferKind = transfersSchema.enum('transfer_kind', ['OFFICIAL', 'TEMPORARY']);

/** docs/rules/transfers.md#dossier-states: the dossier's state machine. */
export const transferState = transfersSchema.enum('transfer_state', [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'REVIEWED',
  'LETTER_ISSUED',
  'IN_TRANSIT',
  'OVERDUE',
  'RECEIVED',
  'HOSTED',
  'EXTENDED',
  'COMPLETED',
  'CANCELLED',
]);

export const transfers = transfersSchema.table(
  'transfers',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    kind: transferKind().notNull(),
    state: transferState().notNull().default('DRAFT'),
    fromOrgId: uuid('from_org_id').notNull(),
    toOrgId: uuid('to_org_id'),
    reason: text().notNull(),
    /** The decision (or residence change) the 60-working-day clock starts from. */
    effectiveOn: date('effective_on').notNull(),
    plannedEndOn: date('planned_end_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transfers_member_idx').on(t.memberId), index('transfers_from_org_idx').on(t.fromOrgId)],
);

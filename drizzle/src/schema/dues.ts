import { bigint, date, index, pgSchema, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const duesSchema = pgSchema('dues');

/** docs/rules/dues-standing.md#obligation-statuses: what became of one member's dues for one month. */
export const obligationStatus = duesSchema.enum('obligation_status', [
  'DUE',
  'PAID_ONLINE',
  'PAID_CASH',
  'WAIVED',
  'REDUCED',
  'DEFERRED',
  'PREPAID',
  'OVERDUE',
]);

export const obligations = duesSchema.table(
  'obligations',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** First day of the month the obligation is for. */
    period: date().notNull(),
    /** Whole dong. */
    amount: bigint({ mode: 'number' }).notNull(),
    status: obligationStatus().notNull().default('DUE'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('obligations_member_period_idx').on(t.memberId, t.period),
    index('obligations_org_period_idx').on(t.orgId, t.period),
  ],
);

import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const outboxSchema = pgSchema('outbox');

/** Domain events, written in the transaction of the change they announce and consumed idempotently by id. */
export const outboxEvents = outboxSchema.table(
  'events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text().notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('events_unpublished_idx').on(t.id).where(sql`${t.publishedAt} is null`)],
);

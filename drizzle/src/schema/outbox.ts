import { bigint, index, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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
  },
  (t) => [index('events_topic_idx').on(t.topic, t.id)],
);

/** Which consumer has handled which event: recorded in the consumer's own transaction, so each is handled once. */
export const outboxDeliveries = outboxSchema.table(
  'deliveries',
  {
    consumer: text().notNull(),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outboxEvents.id),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

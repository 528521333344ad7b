import { index, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotencySchema = pgSchema('idempotency');

/**
 * One row per idempotency key a caller has used (docs/api.md#retries): the fingerprint of the first request
 * sent with it, so that the same key with another request is refused whichever subgraph that request reaches.
 */
export const idempotencyKeys = idempotencySchema.table(
  'keys',
  {
    /** `person:<id>` or `partner:<client id>`: keys are the caller's own. */
    caller: text().notNull(),
    key: text().notNull(),
    /** A hash of the request's document, operation name and variables as the gateway received them. */
    fingerprint: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] }), index('keys_created_at_idx').on(t.createdAt)],
);

/**
 * The first answer of each subgraph call made for a keyed request: claimed (answer null) before the mutation
 * runs, so that concurrent retries wait for it instead of running it again, and filled once it has answered.
 */
export const idempotencyAnswers = idempotencySchema.table(
  'answers',
  {
    caller: text().notNull(),
    key: text().notNull(),
    subgraph: text().notNull(),
    /** The hash of the subgraph call's own document and variables: one request may call a subgraph twice. */
    call: text().notNull(),
    /** The GraphQL response sent the first time; null while the first attempt is under way. */
    answer: jsonb(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key, t.subgraph, t.call] })],
);

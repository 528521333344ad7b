import { bigint, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

/**
 * Append-only and hash-chained: each entry's hash covers its content and the previous entry's hash in the
 * same chain. Entries form several chains (`chain`), each appended under its own lock, so that writers of
 * different chains never wait for each other; within a chain, id order is chain order.
 */
export const auditEntries = auditSchema.table(
  'entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The chain the entry belongs to: `<database role>/<stripe>`; entries from before chains were split are in `platform`. */
    chain: text().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    onBehalfOf: uuid('on_behalf_of'),
    action: text().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb(),
    after: jsonb(),
    requestId: text('request_id'),
    /** Path of the organization the entity belongs to: who may read the entry. */
    orgPath: text('org_path'),
    /** The member whose record the entry concerns, who may see who viewed or changed it. */
    subjectMemberId: uuid('subject_member_id'),
    prevHash: text('prev_hash'),
    hash: text().notNull(),
  },
  (t) => [
    index('entries_entity_idx').on(t.entityId),
    index('entries_subject_idx').on(t.subjectMemberId),
    index('entries_chain_idx').on(t.chain, t.id),
  ],
);

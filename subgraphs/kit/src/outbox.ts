import { sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';
import type { Logger } from './logger.ts';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: number;
  topic: string;
  aggregateId: string;
  payload: P;
}

/** Records a domain event in the same transaction as the change it announces: both happen, or neither. */
export async function publish(tx: Tx, topic: string, aggregateId: string, payload: Record<string, unknown>): Promise<void> {
  await tx.insert(tables.outboxEvents).values({ topic, aggregateId, payload });
}

export interface OutboxConsumer {
  /** Unique per consumer: deliveries are recorded under it. */
  name: string;
  topics: readonly string[];
  /** Applies one event inside the transaction that also records its delivery. */
  handle(tx: Tx, event: OutboxEvent): Promise<void>;
}

/**
 * Handles every event of the consumer's topics not yet delivered to it, oldest first, each in its own
 * transaction with its delivery record, so an event is applied exactly once even if a process dies midway.
 * Looks for undelivered events rather than keeping an offset: ids commit out of order, an offset would skip.
 */
export async function drainOutbox(db: Db, consumer: OutboxConsumer, batchSize = 100): Promise<number> {
  let handled = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = (await tx.execute(sql`
        select e.id, e.topic, e.aggregate_id as "aggregateId", e.payload from outbox.events e
        where e.topic in ${consumer.topics}
          and not exists (select 1 from outbox.deliveries d where d.consumer = ${consumer.name} and d.event_id = e.id)
        order by e.id limit 1 for update of e skip locked`)) as unknown as OutboxEvent[];
      const event = rows[0];
      if (!event) return true;
      await consumer.handle(tx, { ...event, id: Number(event.id) });
      await tx.insert(tables.outboxDeliveries).values({ consumer: consumer.name, eventId: Number(event.id) });
      return false;
    });
    if (done) return handled;
    handled++;
    if (handled % batchSize === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Drains the consumer every `intervalMs` until stopped; a failing event is logged and retried next round. */
export function runOutboxConsumer(db: Db, consumer: OutboxConsumer, log: Logger, intervalMs = 500) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      const handled = await drainOutbox(db, consumer);
      if (handled > 0) log.info('outbox events handled', { consumer: consumer.name, handled });
    } catch (error) {
      log.error('outbox consumer failed', { consumer: consumer.name, error: (error as Error).message });
    }
    if (!stopped) timer = setTimeout(round, intervalMs);
  };
  timer = setTimeout(round, 0);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

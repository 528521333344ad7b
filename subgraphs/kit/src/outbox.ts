import { sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';
import { consoleLogger, type Logger } from './logger.ts';

export interface OutboxEvent<P = Record<string, unknown>> {
  id: number;
  topic: string;
  aggregateId: string;
  payload: P;
}

/**
 * Records a domain event in the same transaction as the change it announces: both happen, or neither.
 * Untyped: producers use `publishEvent` with their registry (events.ts), which checks the payload first.
 */
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
 * Thrown by a consumer's `handle` for an event it cannot read (a payload its topic's schema refuses): the
 * event is left undelivered rather than dropped, so that a consumer fixed to read it still gets it.
 */
export class MalformedEventError extends Error {
  readonly event: OutboxEvent;
  constructor(event: OutboxEvent, problem: string) {
    super(`event ${event.id} (${event.topic}) cannot be read: ${problem}`);
    this.event = event;
  }
}

export interface DrainOptions {
  /** Where a malformed event is reported; the console when not given, so that it is never silent. */
  log?: Logger;
  /**
   * The aggregates held back behind a malformed event. `runOutboxConsumer` keeps one set for the life of the
   * process, so each malformed event is reported once and tried again after a restart (by a fixed consumer);
   * a bare call starts empty.
   */
  held?: Set<string>;
  /** Events handled between two yields to the event loop. */
  batchSize?: number;
}

/**
 * Handles every event of the consumer's topics not yet delivered to it, oldest first, each in its own
 * transaction with its delivery record, so an event is applied exactly once even if a process dies midway.
 * Looks for undelivered events rather than keeping an offset: ids commit out of order, an offset would skip.
 *
 * An event the consumer cannot read stays undelivered and is logged, and the later events of its aggregate
 * wait behind it, so that no aggregate's events are ever applied out of order; other aggregates' go on.
 * Any other failure of a handler stops the drain (the event is tried again first next time).
 */
export async function drainOutbox(db: Db, consumer: OutboxConsumer, options: DrainOptions = {}): Promise<number> {
  const { log = consoleLogger, held = new Set<string>(), batchSize = 100 } = options;
  let handled = 0;
  for (;;) {
    try {
      const done = await db.transaction(async (tx) => {
        const waiting = held.size ? sql`and e.aggregate_id not in ${[...held]}` : sql``;
        const rows = (await tx.execute(sql`
          select e.id, e.topic, e.aggregate_id as "aggregateId", e.payload from outbox.events e
          where e.topic in ${consumer.topics} ${waiting}
            and not exists (select 1 from outbox.deliveries d where d.consumer = ${consumer.name} and d.event_id = e.id)
          order by e.id limit 1 for update of e skip locked`)) as unknown as OutboxEvent[];
        const row = rows[0];
        if (!row) return true;
        const event = { ...row, id: Number(row.id) };
        await consumer.handle(tx, event);
        await tx.insert(tables.outboxDeliveries).values({ consumer: consumer.name, eventId: event.id });
        return false;
      });
      if (done) return handled;
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      held.add(error.event.aggregateId);
      log.error('outbox event left undelivered', { consumer: consumer.name, aggregateId: error.event.aggregateId, error: error.message });
      continue;
    }
    handled++;
    if (handled % batchSize === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Drains the consumer every `intervalMs` until stopped; a failing event is logged and retried next round. */
export function runOutboxConsumer(db: Db, consumer: OutboxConsumer, log: Logger, intervalMs = 500) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const held = new Set<string>();
  const round = () => (current = drain());
  const drain = async () => {
    try {
      const handled = await drainOutbox(db, consumer, { log, held });
      if (handled > 0) log.info('outbox events handled', { consumer: consumer.name, handled });
    } catch (error) {
      log.error('outbox consumer failed', { consumer: consumer.name, error: (error as Error).message });
    }
    if (!stopped) timer = setTimeout(round, intervalMs);
  };
  timer = setTimeout(round, 0);
  return {
    /** Stops polling; resolves once a round under way has finished, so its connection may then be closed. */
    stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      return current;
    },
  };
}

import type { Tx } from '@dangvu/drizzle';
import { z } from 'zod';
import { ORG_PATH } from './ids.ts';
import { MalformedEventError, publish, type OutboxConsumer } from './outbox.ts';

/**
 * A producing subgraph's events: each topic with the zod schema of its payload. Schemas describe plain JSON
 * (no transforms): the payload is stored as parsed and parsed again, by the same schema, when consumed.
 */
export type EventRegistry = Record<string, z.ZodObject>;

export type Topic<R extends EventRegistry> = keyof R & string;

/** What a producer hands `publishEvent` for `T`. */
export type EventPayload<R extends EventRegistry, T extends Topic<R>> = z.input<R[T]>;

/** One event of `T` as a consumer receives it, its payload parsed; a union over topics narrows on `topic`. */
export type DomainEvent<R extends EventRegistry, T extends Topic<R> = Topic<R>> = {
  [K in T]: { id: number; topic: K; aggregateId: string; payload: z.output<R[K]> };
}[T];

/** Declares the events a subgraph produces; consumers in other subgraphs import the registry from its package. */
export function defineEvents<R extends EventRegistry>(registry: R): Readonly<R> {
  return Object.freeze(registry);
}

/**
 * Records `topic` for `aggregateId` in the transaction of the change it announces, after checking the payload
 * against the registry: a payload that does not fit throws (a programming error) and rolls the change back,
 * so a bad payload never enters the outbox.
 */
export async function publishEvent<R extends EventRegistry, T extends Topic<R>>(
  tx: Tx,
  registry: R,
  topic: T,
  aggregateId: string,
  payload: EventPayload<R, T>,
): Promise<void> {
  const parsed = registry[topic]!.safeParse(payload);
  if (!parsed.success) throw new Error(`event ${topic} for ${aggregateId} does not fit its schema: ${z.prettifyError(parsed.error)}`);
  await publish(tx, topic, aggregateId, parsed.data);
}

export interface ConsumerDefinition<R extends EventRegistry, T extends Topic<R>> {
  /** Unique per consumer: deliveries are recorded under it. */
  name: string;
  topics: readonly T[];
  /** Applies one event, its payload parsed and typed, inside the transaction that records its delivery. */
  handle(tx: Tx, event: DomainEvent<R, T>): Promise<void>;
}

/**
 * A consumer of a registry's topics whose handler receives parsed, typed payloads. An event whose payload
 * its schema refuses (written by an older producer, or by the untyped `publish`) is not handled and not
 * dropped: the outbox logs it and leaves it undelivered, holding back its aggregate's later events
 * (`drainOutbox`), until a consumer that reads it runs.
 */
export function defineConsumer<R extends EventRegistry, T extends Topic<R>>(
  registry: R,
  definition: ConsumerDefinition<R, T>,
): OutboxConsumer {
  return {
    name: definition.name,
    topics: definition.topics,
    async handle(tx, event) {
      const schema = registry[event.topic];
      if (!schema) throw new MalformedEventError(event, 'its topic is not in the registry');
      const parsed = schema.safeParse(event.payload);
      if (!parsed.success) throw new MalformedEventError(event, z.prettifyError(parsed.error));
      await definition.handle(tx, { ...event, payload: parsed.data } as DomainEvent<R, T>);
    },
  };
}

/** A materialized organization path as payloads carry it: `/id/…/id/`, never empty (it prefixes subtree updates). */
export const orgPathField = z.string().regex(ORG_PATH);

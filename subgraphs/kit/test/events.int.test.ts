import { randomUUID } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConsumer, defineEvents, orgPathField, publishEvent, type DomainEvent } from '../src/events.ts';
import type { Logger } from '../src/logger.ts';
import { drainOutbox, publish } from '../src/outbox.ts';

let database: TestDatabase;
let handle: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDb(database.url, { max: 3 });
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

const events = defineEvents({
  'cell.renamed': z.object({ cellId: z.uuid(), name: z.string().min(3), path: orgPathField }),
  'cell.closed': z.object({ cellId: z.uuid(), on: z.iso.date() }),
});

function recordingLog() {
  const errors: string[] = [];
  const log: Logger = { info() {}, warn() {}, error: (message, fields) => errors.push(`${message} ${String(fields?.aggregateId)}`) };
  return { log, errors };
}

function recorder(name: string) {
  const seen: DomainEvent<typeof events>[] = [];
  const consumer = defineConsumer(events, {
    name,
    topics: ['cell.renamed', 'cell.closed'],
    async handle(_tx, event) {
      // The topic narrows the payload: `on` exists only on cell.closed.
      if (event.topic === 'cell.closed') expect(event.payload.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      seen.push(event);
    },
  });
  return { consumer, seen };
}

const outboxRows = async (aggregateId: string) =>
  handle.db.select().from(tables.outboxEvents).where(eq(tables.outboxEvents.aggregateId, aggregateId));

describe('typed domain events', () => {
  it('delivers a published payload to a typed consumer as its schema reads it', async () => {
    const cellId = randomUUID();
    const path = `/${randomUUID()}/${cellId}/`;
    await handle.db.transaction((tx) => publishEvent(tx, events, 'cell.renamed', cellId, { cellId, name: 'Chi bộ thôn Đông', path }));
    await handle.db.transaction((tx) => publishEvent(tx, events, 'cell.closed', cellId, { cellId, on: '2026-12-01' }));
    const { consumer, seen } = recorder('typed.delivers');
    expect(await drainOutbox(handle.db, consumer)).toBe(2);
    expect(seen.map(({ topic, aggregateId, payload }) => ({ topic, aggregateId, payload }))).toEqual([
      { topic: 'cell.renamed', aggregateId: cellId, payload: { cellId, name: 'Chi bộ thôn Đông', path } },
      { topic: 'cell.closed', aggregateId: cellId, payload: { cellId, on: '2026-12-01' } },
    ]);
  });

  it('refuses a payload that does not fit its schema at publishing, and the change with it', async () => {
    const cellId = randomUUID();
    await expect(
      handle.db.transaction(async (tx) => {
        await publishEvent(tx, events, 'cell.renamed', cellId, { cellId, name: 'Chi bộ', path: '' });
      }),
    ).rejects.toThrow(/cell\.renamed .* does not fit its schema/);
    expect(await outboxRows(cellId)).toEqual([]);
  });

  it('stores what the schema keeps: fields it does not know are not published', async () => {
    const cellId = randomUUID();
    const extra = { cellId, on: '2026-12-01', secret: 'x' } as { cellId: string; on: string };
    await handle.db.transaction((tx) => publishEvent(tx, events, 'cell.closed', cellId, extra));
    expect((await outboxRows(cellId)).map((row) => row.payload)).toEqual([{ cellId, on: '2026-12-01' }]);
  });

  it('leaves a malformed event undelivered and logged, holds back its aggregate’s later events, and lets others through', async () => {
    // This consumer first takes what the earlier tests published, so that only the events below remain.
    const { consumer: earlier } = recorder('typed.malformed');
    await drainOutbox(handle.db, earlier, { log: recordingLog().log });
    const broken = randomUUID();
    const other = randomUUID();
    await handle.db.transaction((tx) => publish(tx, 'cell.closed', broken, { cellId: broken, on: 'hôm qua' }));
    await handle.db.transaction((tx) => publishEvent(tx, events, 'cell.closed', broken, { cellId: broken, on: '2026-12-02' }));
    await handle.db.transaction((tx) => publishEvent(tx, events, 'cell.closed', other, { cellId: other, on: '2026-12-03' }));

    const { consumer, seen } = recorder('typed.malformed');
    const { log, errors } = recordingLog();
    const held = new Set<string>();
    expect(await drainOutbox(handle.db, consumer, { log, held })).toBe(1);
    expect(seen.map((event) => event.aggregateId)).toEqual([other]);
    expect(errors).toEqual([`outbox event left undelivered ${broken}`]);

    // The same process does not report it again; nothing is recorded as delivered.
    expect(await drainOutbox(handle.db, consumer, { log, held })).toBe(0);
    expect(errors).toHaveLength(1);
    const deliveries = await handle.db.select().from(tables.outboxDeliveries).where(eq(tables.outboxDeliveries.consumer, 'typed.malformed'));
    const brokenIds = (await outboxRows(broken)).map((row) => row.id);
    expect(deliveries.filter((d) => brokenIds.includes(d.eventId))).toEqual([]);

    // A consumer that reads the old payload gets both, in order.
    const lenient = defineEvents({ 'cell.closed': z.object({ cellId: z.uuid(), on: z.string() }) });
    const got: string[] = [];
    const fixed = defineConsumer(lenient, {
      name: 'typed.malformed',
      topics: ['cell.closed'],
      handle: async (_tx, event) => void got.push(event.payload.on),
    });
    expect(await drainOutbox(handle.db, fixed, { log })).toBe(2);
    expect(got).toEqual(['hôm qua', '2026-12-02']);
  });
});

// Type checks (tsc): a topic outside the registry, or a payload of the wrong shape, does not compile.
const _typeChecks = async (tx: Parameters<typeof publishEvent>[0]) => {
  // @ts-expect-error not a topic of the registry
  await publishEvent(tx, events, 'cell.opened', 'x', {});
  // @ts-expect-error `on` is missing
  await publishEvent(tx, events, 'cell.closed', 'x', { cellId: 'x' });
  defineConsumer(events, {
    name: 'typed.types',
    // @ts-expect-error not a topic of the registry
    topics: ['cell.opened'],
    handle: async () => {},
  });
};

import { createDb, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../src/logger.ts';
import { drainOutbox, MalformedEventError, publish, runOutboxConsumer, type OutboxConsumer, type OutboxEvent } from '../src/outbox.ts';

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

function recorder(name: string, topics: string[], failOn?: string) {
  const seen: OutboxEvent[] = [];
  const consumer: OutboxConsumer = {
    name,
    topics,
    async handle(_tx, event) {
      if (event.aggregateId === failOn) throw new Error('handler failed');
      seen.push(event);
    },
  };
  return { consumer, seen };
}

describe('the transactional outbox', () => {
  it('delivers events of its topics once, in order, and none of a rolled-back change', async () => {
    await handle.db.transaction((tx) => publish(tx, 'organization.moved', 'a', { n: 1 }));
    await expect(
      handle.db.transaction(async (tx) => {
        await publish(tx, 'organization.moved', 'lost', {});
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    await handle.db.transaction((tx) => publish(tx, 'organization.renamed', 'other-topic', {}));
    await handle.db.transaction((tx) => publish(tx, 'organization.moved', 'b', { n: 2 }));

    const { consumer, seen } = recorder('members', ['organization.moved']);
    expect(await drainOutbox(handle.db, consumer)).toBe(2);
    expect(seen.map((e) => [e.aggregateId, e.payload])).toEqual([['a', { n: 1 }], ['b', { n: 2 }]]);
    expect(await drainOutbox(handle.db, consumer)).toBe(0);
  });

  it('delivers the same events again to another consumer', async () => {
    const { consumer, seen } = recorder('dues', ['organization.moved']);
    await drainOutbox(handle.db, consumer);
    expect(seen.map((e) => e.aggregateId)).toEqual(['a', 'b']);
  });

  it('keeps an event whose handler failed for the next round', async () => {
    await handle.db.transaction((tx) => publish(tx, 'member.left', 'boom', {}));
    const failing = recorder('transfers', ['member.left'], 'boom');
    await expect(drainOutbox(handle.db, failing.consumer)).rejects.toThrow('handler failed');
    const fixed = recorder('transfers', ['member.left']);
    expect(await drainOutbox(handle.db, fixed.consumer)).toBe(1);
    expect(fixed.seen.map((e) => e.aggregateId)).toEqual(['boom']);
  });

  it('keeps a malformed event undelivered across rounds, reporting it once, while the rest flows', async () => {
    await handle.db.transaction((tx) => publish(tx, 'member.renamed', 'unreadable', { name: 42 }));
    await handle.db.transaction((tx) => publish(tx, 'member.renamed', 'readable', { name: 'Lan' }));
    const seen: string[] = [];
    const consumer: OutboxConsumer = {
      name: 'reports',
      topics: ['member.renamed'],
      async handle(_tx, event) {
        if (typeof event.payload.name !== 'string') throw new MalformedEventError(event, 'name is not text');
        seen.push(event.aggregateId);
      },
    };
    const errors: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (message, fields) => errors.push(`${message}: ${String(fields?.error)}`) };
    const running = runOutboxConsumer(handle.db, consumer, log, 10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await running.stop();
    expect(seen).toEqual(['readable']);
    expect(errors).toEqual([expect.stringMatching(/^outbox event left undelivered: event \d+ \(member\.renamed\) cannot be read: name is not text$/)]);
  });
});

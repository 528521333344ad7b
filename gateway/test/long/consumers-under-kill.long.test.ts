import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { seedDemoData } from '@dangvu/drizzle/seed';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * 1,000 completed transfers' events consumed by a process killed with SIGKILL at random points and started
 * again, as a crashing subgraph would be (docs/reliability.md#consumers-under-kill--9): each event applied once
 * by each consumer, none lost, none doubled, the counts compared at the end. Results go to LONG_RESULTS.
 */
const TRANSFERS = Number(process.env.LONG_TRANSFERS ?? 1_000);
const CONSUMERS = ['members.member-transferred', 'organization.member-counts', 'dues.member-transferred'];
let database: TestDatabase;
let db: DbHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 4 });
  await seedDemoData(db.sql, { members: 200 });
}, 300_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(): ChildProcess {
  return spawn(process.execPath, [new URL('./consumer-worker.ts', import.meta.url).pathname], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const delivered = async () =>
  Object.fromEntries(
    (await db.db.execute(sql`select consumer, count(*)::int as n from outbox.deliveries group by consumer`)).map((row) => [row.consumer as string, row.n as number]),
  );

describe('outbox consumers under kill -9', () => {
  it(`applies ${TRANSFERS} transfers exactly once through a consumer process killed at random`, async () => {
    const cells = (await db.db.select().from(tables.organizations).where(eq(tables.organizations.type, 'GRASSROOTS_CELL'))).slice(0, 12);
    const members = await db.db.select().from(tables.members).where(inArray(tables.members.orgId, cells.map((cell) => cell.id)));
    expect(members.length).toBeGreaterThan(20);
    // Each member moves from cell to cell in turn, so that their events must be applied in order.
    const where = new Map(members.map((member) => [member.id, member.orgId]));
    const events = [];
    for (let i = 0; i < TRANSFERS; i++) {
      const member = members[i % members.length]!;
      const from = where.get(member.id)!;
      const to = cells[(cells.findIndex((cell) => cell.id === from) + 1 + (i % 3)) % cells.length]!;
      where.set(member.id, to.id);
      events.push({ topic: 'member.transferred', aggregateId: member.id, payload: { memberId: member.id, fromOrgId: from, toOrgId: to.id, toOrgPath: to.path, on: '2026-06-01', transferId: randomUUID() } });
    }
    await db.db.insert(tables.outboxEvents).values(events);
    const countsBefore = Object.fromEntries((await db.db.select().from(tables.memberCounts)).map((row) => [row.orgId, row.members]));

    const started = Date.now();
    let kills = 0;
    for (;;) {
      const worker = startWorker();
      await pause(300 + Math.floor(Math.random() * 1_200));
      const done = await delivered();
      if (CONSUMERS.every((name) => (done[name] ?? 0) >= TRANSFERS)) {
        worker.kill('SIGTERM');
        break;
      }
      worker.kill('SIGKILL');
      kills++;
      await new Promise((resolve) => worker.once('exit', resolve));
      expect(Date.now() - started).toBeLessThan(600_000);
    }

    const done = await delivered();
    for (const name of CONSUMERS) expect(done[name]).toBe(TRANSFERS);
    const after = await db.db.select().from(tables.members).where(inArray(tables.members.id, members.map((member) => member.id)));
    for (const member of after) expect(member.orgId).toBe(where.get(member.id));
    // The organization's counts moved by exactly the members that arrived less those that left.
    const expected = { ...countsBefore };
    for (const member of members) {
      expected[member.orgId] = (expected[member.orgId] ?? 0) - 1;
      expected[where.get(member.id)!] = (expected[where.get(member.id)!] ?? 0) + 1;
    }
    const countsAfter = Object.fromEntries((await db.db.select().from(tables.memberCounts)).map((row) => [row.orgId, row.members]));
    for (const cell of cells) expect(countsAfter[cell.id] ?? 0).toBe(expected[cell.id] ?? 0);
    const payers = await db.db.select().from(tables.payers).where(inArray(tables.payers.memberId, members.map((member) => member.id)));
    for (const payer of payers) expect(payer.orgId).toBe(where.get(payer.memberId));

    const result = { test: 'consumers under kill -9', transfers: TRANSFERS, consumers: CONSUMERS.length, kills, seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (process.env.LONG_RESULTS) writeFileSync(process.env.LONG_RESULTS, `${JSON.stringify(result)}\n`, { flag: 'a' });
  }, 900_000);
});

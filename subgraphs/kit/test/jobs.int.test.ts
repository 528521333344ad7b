import { createDb, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineJob, type StepResult } from '../src/jobs/job.ts';
import { jobRunsRepository } from '../src/jobs/jobs.repository.ts';
import { runJob, type JobProgress } from '../src/jobs/run-job.ts';
import { monthly } from '../src/jobs/schedule.ts';
import { startJobScheduler } from '../src/jobs/scheduler.ts';
import { vietnamDay } from '../src/index.ts';
import type { Logger } from '../src/logger.ts';
import type { Executor } from '../src/store.ts';

let database: TestDatabase;
let handle: DbHandle;
/** A second pool on the same database: another process, as far as PostgreSQL can tell. */
let other: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDb(database.url, { max: 4 });
  other = createDb(database.url, { max: 4 });
  await handle.db.execute(sql`create table job_effects (batch text not null, item integer not null)`);
});
afterAll(async () => {
  await handle?.close();
  await other?.close();
  await database?.drop();
});

/** The domain table the test job writes to, behind a repository as a subgraph's job would have it. */
const effects = (executor: Executor) => ({
  async add(batch: string, items: number[]) {
    for (const item of items) await executor.execute(sql`insert into job_effects (batch, item) values (${batch}, ${item})`);
  },
  async count(batch: string) {
    const rows = (await executor.execute(sql`select count(*)::int as n from job_effects where batch = ${batch}`)) as unknown as { n: number }[];
    return rows[0]!.n;
  },
});

const itemsOf = async (batch: string) =>
  ((await handle.db.execute(sql`select item from job_effects where batch = ${batch} order by item`)) as unknown as { item: number }[]).map(
    (row) => row.item,
  );

interface Behaviour {
  /** Throws inside the step that starts at this cursor, after writing its batch. */
  failFrom?: number;
  /** Awaited inside every step, before it writes. */
  gate?: () => Promise<void>;
  cursors?: (number | null)[];
}

/** Writes items 1…size of a batch, three per step; the batch name is the key. */
function numbersJob(behaviour: Behaviour = {}) {
  return defineJob({
    name: 'test.numbers',
    description: 'Ghi các số của một lô',
    keyOf: (args: { batch: string; size: number }) => args.batch,
    argsOf: (key) => ({ batch: key, size: 10 }),
    repositories: effects,
    total: async ({ args }) => args.size,
    async step({ args, repos }, cursor: number | null): Promise<StepResult<number>> {
      behaviour.cursors?.push(cursor);
      await behaviour.gate?.();
      const from = (cursor ?? 0) + 1;
      const to = Math.min(from + 2, args.size);
      await repos.add(args.batch, Array.from({ length: to - from + 1 }, (_, i) => from + i));
      if (behaviour.failFrom === cursor) throw new Error('the step broke');
      return to === args.size ? { processed: to - from + 1, finished: true } : { processed: to - from + 1, next: to };
    },
  });
}

const runOf = (batch: string) => jobRunsRepository(handle.db).find('test.numbers', batch);
const tenItems = Array.from({ length: 10 }, (_, i) => i + 1);

describe('runJob', () => {
  it('runs every step to the end, reporting progress against the total', async () => {
    const progress: JobProgress[] = [];
    const outcome = await runJob(handle, numbersJob(), { batch: 'a', size: 10 }, { onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ status: 'done', job: 'test.numbers', key: 'a', run: { status: 'DONE', done: 10, total: 10, attempts: 1 } });
    expect(progress.map((p) => [p.done, p.total])).toEqual([[0, 10], [3, 10], [6, 10], [9, 10], [10, 10]]);
    expect(await itemsOf('a')).toEqual(tenItems);
  });

  it('does nothing for a key whose run is done: twice is once', async () => {
    const cursors: (number | null)[] = [];
    const outcome = await runJob(handle, numbersJob({ cursors }), { batch: 'a', size: 10 });
    expect(outcome).toMatchObject({ status: 'already-done', run: { status: 'DONE', attempts: 1 } });
    expect(cursors).toEqual([]);
    expect(await itemsOf('a')).toEqual(tenItems);
  });

  it('after a step fails, keeps what committed, and the next attempt resumes from the cursor: each item once', async () => {
    await expect(runJob(handle, numbersJob({ failFrom: 6 }), { batch: 'b', size: 10 })).rejects.toThrow('the step broke');
    expect(await runOf('b')).toMatchObject({ status: 'FAILED', error: 'the step broke', cursor: 6, done: 6 });
    // The failed step's own batch (7, 8, 9) was rolled back with it.
    expect(await itemsOf('b')).toEqual([1, 2, 3, 4, 5, 6]);

    const cursors: (number | null)[] = [];
    const outcome = await runJob(handle, numbersJob({ cursors }), { batch: 'b', size: 10 });
    expect(outcome).toMatchObject({ status: 'done', run: { status: 'DONE', done: 10, attempts: 2, error: null } });
    expect(cursors).toEqual([6, 9]);
    expect(await itemsOf('b')).toEqual(tenItems);
  });

  it('resumes a run left RUNNING by a process that died, whose lock died with it', async () => {
    const runs = jobRunsRepository(handle.db);
    const orphan = await runs.create('test.numbers', 'c');
    await effects(handle.db).add('c', [1, 2, 3]);
    await runs.advance(orphan.id, 3, { next: 3 });
    const cursors: (number | null)[] = [];
    await runJob(handle, numbersJob({ cursors }), { batch: 'c', size: 10 });
    expect(cursors).toEqual([3, 6, 9]);
    expect(await itemsOf('c')).toEqual(tenItems);
  });

  it('lets go of a key when the process running it loses its connections', async () => {
    const dying = createDb(database.url, { max: 2 });
    let entered!: () => void;
    const inStep = new Promise<void>((resolve) => (entered = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = runJob(dying, numbersJob({ gate: () => (entered(), gate) }), { batch: 'h', size: 10 });
    await inStep;
    expect(await runJob(handle, numbersJob(), { batch: 'h', size: 10 })).toMatchObject({ status: 'busy' });
    await dying.sql.end({ timeout: 0 });
    open();
    await expect(first).rejects.toThrow();
    expect(await runJob(handle, numbersJob(), { batch: 'h', size: 10 })).toMatchObject({ status: 'done' });
    expect(await itemsOf('h')).toEqual(tenItems);
  });

  it('lets one of two processes run a key; the other returns at once', async () => {
    let entered!: () => void;
    const inStep = new Promise<void>((resolve) => (entered = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = runJob(handle, numbersJob({ gate: () => (entered(), gate) }), { batch: 'd', size: 10 });
    await inStep;
    expect(await runJob(other, numbersJob(), { batch: 'd', size: 10 })).toEqual({ status: 'busy', job: 'test.numbers', key: 'd', run: null });
    open();
    expect(await first).toMatchObject({ status: 'done' });
    expect(await itemsOf('d')).toEqual(tenItems);
  });

  it('applies a key once when several processes start it together', async () => {
    const slow = numbersJob({ gate: () => new Promise((resolve) => setTimeout(resolve, 20)) });
    const outcomes = await Promise.all([handle, other, handle, other].map((pool) => runJob(pool, slow, { batch: 'e', size: 10 })));
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 'done')).toHaveLength(1);
    expect(statuses.filter((s) => s !== 'done').every((s) => s === 'busy' || s === 'already-done')).toBe(true);
    expect(await itemsOf('e')).toEqual(tenItems);
    expect(await effects(handle.db).count('e')).toBe(10);
  });

  it('stops between steps when asked, and goes on from there next time', async () => {
    const stop = new AbortController();
    const outcome = await runJob(handle, numbersJob(), { batch: 'f', size: 10 }, { signal: stop.signal, onProgress: (p) => p.done >= 3 && stop.abort() });
    expect(outcome).toMatchObject({ status: 'stopped', run: { status: 'RUNNING', done: 3, cursor: 3 } });
    expect(await runJob(handle, numbersJob(), { batch: 'f', size: 10 })).toMatchObject({ status: 'done', run: { done: 10 } });
    expect(await itemsOf('f')).toEqual(tenItems);
  });

  it('fails a job that returns the cursor it was given without processing anything, instead of looping', async () => {
    const stuck = defineJob({
      name: 'test.stuck',
      description: 'Không tiến triển',
      keyOf: () => 'only',
      argsOf: () => null,
      repositories: () => null,
      step: async (_context, cursor: number | null) => ({ processed: 0, next: cursor ?? 0 }),
    });
    await expect(runJob(handle, stuck, null)).rejects.toThrow('made no progress from cursor 0');
    expect(await jobRunsRepository(handle.db).find('test.stuck', 'only')).toMatchObject({ status: 'FAILED', done: 0 });
  });

  it('refuses a pool of one connection rather than waiting for ever', async () => {
    const single = createDb(database.url, { max: 1 });
    try {
      await expect(runJob(single, numbersJob(), { batch: 'g', size: 10 })).rejects.toThrow('two connections or more');
    } finally {
      await single.close();
    }
  });
});

describe('defineJob', () => {
  it('refuses a name that is not <subgraph>.<job>', () => {
    expect(() => defineJob({ ...numbersJob(), name: 'numbers' })).toThrow('not <subgraph>.<job>');
  });
});

describe('startJobScheduler', () => {
  const log = () => {
    const lines: string[] = [];
    const logger: Logger = {
      info: (message, fields) => lines.push(`${message} ${String(fields?.key ?? '')}`.trim()),
      warn: () => {},
      error: (message, fields) => lines.push(`${message} ${String(fields?.error)}`),
    };
    return { logger, lines };
  };
  const until = async (check: () => Promise<boolean>, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return check();
  };

  it('runs each scheduled job for the period last due, once, and leaves unscheduled jobs alone', async () => {
    const monthlyJob = defineJob({
      ...numbersJob(),
      schedule: { when: monthly(1, '01:00'), args: (due) => ({ batch: `month-${vietnamDay(due).slice(0, 7)}`, size: 4 }) },
    });
    const unscheduled = defineJob({ ...numbersJob(), name: 'test.by-hand' });
    const { logger, lines } = log();
    // 15 December 2026 in Vietnam: the run due on 1 December is caught up.
    const scheduler = startJobScheduler(handle, [monthlyJob, unscheduled], logger, { now: () => new Date('2026-12-15T08:00:00+07:00') });
    expect(await until(async () => (await runOf('month-2026-12'))?.status === 'DONE')).toBe(true);
    await scheduler.stop();
    expect(lines).toEqual(['job done month-2026-12']);
    expect(await itemsOf('month-2026-12')).toEqual([1, 2, 3, 4]);
    expect(await jobRunsRepository(handle.db).find('test.by-hand', 'month-2026-12')).toBeNull();
  });

  it('tries a failed period again after the retry delay, resuming it', async () => {
    let failures = 1;
    const flaky = defineJob({
      ...numbersJob(),
      name: 'test.flaky',
      schedule: { when: monthly(1, '01:00'), args: () => ({ batch: 'flaky', size: 4 }) },
      async step(context, cursor: number | null) {
        if (cursor === 3 && failures-- > 0) throw new Error('the bank did not answer');
        return numbersJob().step(context, cursor);
      },
    });
    const { logger, lines } = log();
    const scheduler = startJobScheduler(handle, [flaky], logger, { retryMs: 30 });
    const run = () => jobRunsRepository(handle.db).find('test.flaky', 'flaky');
    expect(await until(async () => (await run())?.status === 'DONE')).toBe(true);
    await scheduler.stop();
    expect(await run()).toMatchObject({ attempts: 2, done: 4 });
    expect(lines).toEqual(['job failed the bank did not answer', 'job done flaky']);
    expect(await itemsOf('flaky')).toEqual([1, 2, 3, 4]);
  });
});

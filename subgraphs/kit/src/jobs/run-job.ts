import { isDeepStrictEqual } from 'node:util';
import type { DbHandle } from '@dangvu/drizzle';
import type { JobContext, JobDefinition } from './job.ts';
import { jobRunsRepository, lockJobKey, type JobRun } from './jobs.repository.ts';

export interface JobProgress {
  job: string;
  key: string;
  /** Items processed so far, over every attempt of the run. */
  done: number;
  /** How many there are, when the job can tell. */
  total: number | null;
}

/**
 * `done`: this call finished the run. `already-done`: the key's run had finished before; nothing ran.
 * `busy`: another process is running this key now; nothing ran. `stopped`: the signal ended it between
 * two steps; the next attempt resumes from its cursor.
 */
export type JobOutcome =
  | { status: 'done' | 'already-done' | 'stopped'; job: string; key: string; run: JobRun }
  | { status: 'busy'; job: string; key: string; run: null };

export interface RunJobOptions {
  onProgress?(progress: JobProgress): void;
  /** Checked between steps: a step under way always finishes, with its transaction. */
  signal?: AbortSignal;
}

/**
 * Runs `job` for `args` to its end: idempotent by key (a finished run is not repeated), resumable (each step
 * commits its work with the cursor, and a later attempt starts from it), and alone (a session lock on the
 * key: of two processes starting it at once, one runs it and the other returns `busy`). A step that throws
 * marks the run FAILED with its message and rethrows; its batch is rolled back.
 * The pool needs two connections: one holds the lock while the steps run on another.
 */
export async function runJob<Args, Cursor, Repos>(
  database: DbHandle,
  job: JobDefinition<Args, Cursor, Repos>,
  args: Args,
  options: RunJobOptions = {},
): Promise<JobOutcome> {
  const key = job.keyOf(args);
  // With one connection the lock would hold it and the first step would wait for it forever.
  if (database.sql.options.max < 2) throw new Error(`runJob needs a pool of two connections or more (${job.name})`);
  const unlock = await lockJobKey(database.sql, job.name, key);
  if (!unlock) return { status: 'busy', job: job.name, key, run: null };
  try {
    const runs = jobRunsRepository(database.db);
    const existing = await runs.find(job.name, key);
    if (existing?.status === 'DONE') return { status: 'already-done', job: job.name, key, run: existing };
    let run = existing ? await runs.resume(existing.id) : await runs.create(job.name, key);
    const context = (repos: Repos): JobContext<Args, Repos> => ({ args, key, repos });
    if (run.total === null && job.total) run = await runs.setTotal(run.id, await job.total(context(job.repositories(database.db))));
    const report = () => options.onProgress?.({ job: job.name, key, done: run.done, total: run.total });
    report();
    for (;;) {
      if (options.signal?.aborted) return { status: 'stopped', job: job.name, key, run };
      const cursor = run.cursor as Cursor | null;
      try {
        run = await database.db.transaction(async (tx) => {
          const { processed, ...step } = await job.step(context(job.repositories(tx)), cursor);
          if (processed === 0 && 'next' in step && isDeepStrictEqual(step.next, cursor)) {
            throw new Error(`job ${job.name} made no progress from cursor ${JSON.stringify(cursor)}`);
          }
          return jobRunsRepository(tx).advance(run.id, processed, step);
        });
      } catch (error) {
        await runs.fail(run.id, (error as Error).message);
        throw error;
      }
      report();
      if (run.status === 'DONE') return { status: 'done', job: job.name, key, run };
    }
  } finally {
    await unlock();
  }
}

import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { tables, type Sql } from '@dangvu/drizzle';
import type { Executor } from '../store.ts';

const { jobRuns } = tables;

export type JobRun = typeof jobRuns.$inferSelect;

/** The bookkeeping of job runs (jobs.runs): one row per job and key. */
export function jobRunsRepository(executor: Executor) {
  const update = async (id: number, changes: PgUpdateSetSource<typeof jobRuns>) => {
    const [row] = await executor
      .update(jobRuns)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(jobRuns.id, id))
      .returning();
    return row!;
  };
  return {
    async find(job: string, key: string): Promise<JobRun | null> {
      const [row] = await executor.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.key, key)));
      return row ?? null;
    },

    async create(job: string, key: string): Promise<JobRun> {
      const [row] = await executor.insert(jobRuns).values({ job, key }).returning();
      return row!;
    },

    /** Another attempt at a run that failed or whose process died: it goes on from its cursor. */
    resume: (id: number) => update(id, { status: 'RUNNING', error: null, attempts: sql`${jobRuns.attempts} + 1` }),

    setTotal: (id: number, total: number) => update(id, { total }),

    /** Records a committed step: its count, and the next cursor or that the run is done. */
    advance: (id: number, processed: number, step: { next: unknown } | { finished: true }) =>
      update(id, {
        done: sql`${jobRuns.done} + ${processed}`,
        ...('next' in step ? { cursor: step.next } : { status: 'DONE', finishedAt: new Date() }),
      }),

    fail: (id: number, error: string) => update(id, { status: 'FAILED', error }),
  };
}

export type JobRunsRepository = ReturnType<typeof jobRunsRepository>;

/** Advisory locks of jobs, in the two-key space so that they never meet the platform's single-key locks. */
const JOBS_LOCK_CLASS = 0x6a6f6273;

/**
 * Takes the session lock of a job's key on a connection of its own, or returns null when another session
 * holds it. The lock lasts until released or until that connection ends, so a process that dies lets go.
 */
export async function lockJobKey(sql: Sql, job: string, key: string): Promise<(() => Promise<void>) | null> {
  const connection = await sql.reserve();
  // Job names hold no colon (defineJob), so the first one ends the name.
  const name = `${job}:${key}`;
  try {
    const [row] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${JOBS_LOCK_CLASS}, hashtext(${name})) as locked`;
    if (!row?.locked) {
      connection.release();
      return null;
    }
  } catch (error) {
    connection.release();
    throw error;
  }
  return async () => {
    try {
      await connection`select pg_advisory_unlock(${JOBS_LOCK_CLASS}, hashtext(${name}))`;
    } finally {
      connection.release();
    }
  };
}

import { bigint, integer, jsonb, pgSchema, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const jobsSchema = pgSchema('jobs');

export const jobRunStatus = jobsSchema.enum('run_status', ['RUNNING', 'DONE', 'FAILED']);

/**
 * One row per run of a job for one key (`dues.obligations` for `2026-12`): the key makes a run idempotent,
 * the cursor makes it resumable after a crash, the counts are its progress.
 */
export const jobRuns = jobsSchema.table(
  'runs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    job: text().notNull(),
    key: text().notNull(),
    status: jobRunStatus().notNull().default('RUNNING'),
    /** Where the run got to: the job's own resume point, written with each step it commits. */
    cursor: jsonb(),
    done: integer().notNull().default(0),
    total: integer(),
    attempts: integer().notNull().default(1),
    error: text(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [unique('runs_job_key_unique').on(t.job, t.key)],
);

export type JobRunStatus = (typeof jobRunStatus.enumValues)[number];

import type { Executor } from '../store.ts';
import type { Schedule } from './schedule.ts';

/** What one step of a job sees: its arguments, its run's key, and its repositories on the step's transaction. */
export interface JobContext<Args, Repos> {
  args: Args;
  key: string;
  repos: Repos;
}

/** How far a step got: the items it processed, and where the next step starts, or that nothing is left. */
export type StepResult<Cursor> = { processed: number; next: Cursor } | { processed: number; finished: true };

export interface JobDefinition<Args, Cursor, Repos> {
  /** `<subgraph>.<job>`, e.g. `dues.obligations`: runs are recorded under it. */
  name: string;
  /** One line in Vietnamese, for the command line's list of jobs. */
  description: string;
  /**
   * The run's identity: a second run for a key that finished does nothing. Name the period or the thing the
   * run is for (`2026-12`), so that each is done once.
   */
  keyOf(args: Args): string;
  /** The arguments back from a key typed by hand (`npm run job -- dues obligations 2026-12`); throws when it is no key of this job. */
  argsOf(key: string): Args;
  /** The job's repositories on an executor: on the transaction of a step, or on the pool for `total`. */
  repositories(executor: Executor): Repos;
  /** How many items the run will process, for its progress; asked once per run, before the first step. */
  total?(context: JobContext<Args, Repos>): Promise<number>;
  /**
   * One bounded batch of work, from `cursor` (null at the start). It runs in a transaction that also records
   * the returned cursor and count, so a crash loses at most this batch and the next attempt starts from the
   * cursor. The cursor is stored as JSON.
   */
  step(context: JobContext<Args, Repos>, cursor: Cursor | null): Promise<StepResult<Cursor>>;
  /** When the subgraph's scheduler runs it, and with which arguments for the time it fell due. */
  schedule?: { when: Schedule; args(due: Date): Args };
}

/** A job whose types do not matter to the caller (a subgraph's list of jobs, the scheduler, the command line). */
export type AnyJob = JobDefinition<unknown, unknown, unknown>;

/** Declares a job; a subgraph lists its jobs in its definition's `jobs` and exports them from its `./jobs` module. */
export function defineJob<Args, Cursor, Repos>(definition: JobDefinition<Args, Cursor, Repos>): JobDefinition<Args, Cursor, Repos> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(definition.name)) throw new Error(`job name ${definition.name} is not <subgraph>.<job>`);
  return Object.freeze(definition);
}

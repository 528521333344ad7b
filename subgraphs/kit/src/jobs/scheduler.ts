import type { DbHandle } from '@dangvu/drizzle';
import type { Logger } from '../logger.ts';
import type { AnyJob } from './job.ts';
import { runJob } from './run-job.ts';
import { lastDue, nextDue } from './schedule.ts';

export interface SchedulerOptions {
  now?: () => Date;
  /** How long after a failed or busy attempt the same period is tried again. */
  retryMs?: number;
}

/** Node's timers overflow past 24.8 days; a monthly job sleeps in shorter stretches. */
const MAX_SLEEP_MS = 60 * 60 * 1000;

export interface JobScheduler {
  /** Stops scheduling; a run under way ends after its current step, and the returned promise waits for it. */
  stop(): Promise<void>;
}

/**
 * Runs each scheduled job for the last period it fell due, at start-up and then each time it falls due again.
 * So a period missed while no process ran is caught up at the next start, and a failure is retried every
 * `retryMs` until the period succeeds or the next one comes. Each run is idempotent by key and locked, so
 * every instance of a subgraph may run the scheduler: one of them does each period's work.
 */
export function startJobScheduler(database: DbHandle, jobs: readonly AnyJob[], log: Logger, options: SchedulerOptions = {}): JobScheduler {
  const now = options.now ?? (() => new Date());
  const retryMs = options.retryMs ?? 5 * 60 * 1000;
  const abort = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  for (const job of jobs) {
    const schedule = job.schedule;
    if (!schedule) continue;
    let completed: number | null = null;

    const attempt = async () => {
      const due = lastDue(schedule.when, now());
      if (due.getTime() === completed) return true;
      try {
        const outcome = await runJob(database, job, schedule.args(due), { signal: abort.signal });
        if (outcome.status === 'done') log.info('job done', { job: job.name, key: outcome.key, items: outcome.run.done });
        if (outcome.status === 'done' || outcome.status === 'already-done') completed = due.getTime();
        return completed === due.getTime();
      } catch (error) {
        log.error('job failed', { job: job.name, error: (error as Error).message });
        return false;
      }
    };

    const tick = () => {
      const work = attempt().then((settled) => {
        if (abort.signal.aborted) return;
        const untilDue = nextDue(schedule.when, now()).getTime() - now().getTime();
        const timer = setTimeout(() => {
          timers.delete(timer);
          tick();
        }, Math.max(0, Math.min(untilDue, settled ? MAX_SLEEP_MS : retryMs, MAX_SLEEP_MS)));
        timers.add(timer);
      });
      running.add(work);
      void work.finally(() => running.delete(work));
    };
    tick();
  }

  return {
    async stop() {
      abort.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, type DbHandle } from '@dangvu/drizzle';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { SUBGRAPHS } from '@dangvu/schema';
import { describeSchedule, lastDue, runJob, type AnyJob } from '@dangvu/subgraph-kit';
import { openDatabase } from './database.ts';
import { progressBar } from './progress.ts';

export interface JobCommandDeps {
  /** The subgraph's jobs, or null when its package exports no `./jobs`. */
  loadJobs(subgraph: string): Promise<readonly AnyJob[] | null>;
  /** The database the job runs against, and how to let it go afterwards. */
  connect(): Promise<{ handle: DbHandle; close(): Promise<void> }>;
  /** Messages and progress: a bar on a terminal, plain lines elsewhere. */
  out: NodeJS.WriteStream;
  now?: () => Date;
  /** Ctrl-C: the run stops after its current step and resumes from there next time. */
  signal?: AbortSignal;
}

const USAGE = 'Cách dùng / usage: npm run job -- <subgraph> <job> [key]';

/** A subgraph package's `./jobs` export (`export const jobs = [...]`), or null when it has none. */
export async function loadSubgraphJobs(subgraph: string): Promise<readonly AnyJob[] | null> {
  try {
    const module = (await import(`@dangvu/subgraph-${subgraph}/jobs`)) as { jobs?: readonly AnyJob[] };
    return module.jobs ?? [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return null;
    throw error;
  }
}

/**
 * `npm run job -- <subgraph> <job> [key]`: runs one job by hand, for the key given or, for a scheduled job
 * without one, for the period last due. Idempotent like any run: a finished key is not run again, and a run
 * that failed or was stopped goes on from where it got to. Returns the exit code.
 */
export async function jobCommand(argv: readonly string[], deps: JobCommandDeps): Promise<number> {
  const say = (line: string) => deps.out.write(`${line}\n`);
  const [subgraph, name, key] = argv;
  const subgraphs: readonly string[] = SUBGRAPHS.map((s) => s.name);
  if (!subgraph || !subgraphs.includes(subgraph)) {
    say(USAGE);
    say(`Phân hệ (subgraph) là một trong: ${subgraphs.join(', ')}.`);
    return 2;
  }
  const jobs = await deps.loadJobs(subgraph);
  if (!jobs?.length) {
    say(`Phân hệ ${subgraph} chưa có công việc (job) nào để chạy. / The ${subgraph} subgraph has no jobs.`);
    return 2;
  }
  const job = jobs.find((candidate) => candidate.name === name || candidate.name === `${subgraph}.${name}`);
  if (!job) {
    say(name ? `Không có công việc ${name} trong phân hệ ${subgraph}. / No such job.` : USAGE);
    say(`Các công việc của ${subgraph}:`);
    for (const each of jobs) say(`  ${each.name}  ${each.description}${each.schedule ? ` (${describeSchedule(each.schedule.when)})` : ''}`);
    return 2;
  }

  let args: unknown;
  try {
    if (key !== undefined) args = job.argsOf(key);
    else if (job.schedule) args = job.schedule.args(lastDue(job.schedule.when, (deps.now ?? (() => new Date()))()));
    else {
      say(`Công việc ${job.name} cần một khóa (key): npm run job -- ${subgraph} ${name} <key>`);
      return 2;
    }
  } catch (error) {
    say(`Khóa "${key}" không dùng được cho ${job.name}: ${(error as Error).message}`);
    return 2;
  }

  const { handle, close } = await deps.connect();
  const bar = progressBar(deps.out);
  try {
    const outcome = await runJob(handle, job, args, {
      signal: deps.signal,
      onProgress: ({ done, total }) => (total === null ? say(`${done} mục đã xử lý / items done`) : bar(done, total, job.name)),
    });
    const label = `${outcome.job} ${outcome.key}`;
    if (outcome.status === 'busy') {
      say(`${label} đang được chạy ở một tiến trình khác. / Already running elsewhere.`);
      return 1;
    }
    if (outcome.status === 'already-done') {
      say(`${label} đã xong từ trước (${outcome.run.finishedAt?.toISOString()}): không chạy lại. / Already done.`);
      return 0;
    }
    if (outcome.status === 'stopped') {
      say(`\n${label} đã dừng sau ${outcome.run.done} mục; chạy lại để tiếp tục. / Stopped; run again to resume.`);
      return 1;
    }
    if (outcome.run.total !== null) bar(outcome.run.total, outcome.run.total, 'xong');
    say(`✓ ${label}: xong ${outcome.run.done} mục. / Done.`);
    return 0;
  } catch (error) {
    say(`\n✗ ${job.name} thất bại / failed: ${(error as Error).message}. Chạy lại để tiếp tục từ chỗ đã dừng.`);
    return 1;
  } finally {
    await close();
  }
}

if (import.meta.main) {
  assertNode24();
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.exitCode = await jobCommand(process.argv.slice(2), {
    loadJobs: loadSubgraphJobs,
    async connect() {
      const database = await openDatabase(join(fileURLToPath(new URL('../..', import.meta.url)), '.data'), process.env, () => {});
      // Two connections: runJob holds its key's lock on one while the steps run on the other.
      const handle = createDb(database.url, { max: 2 });
      return {
        handle,
        async close() {
          await handle.close();
          await database.stop();
        },
      };
    },
    out: process.stderr,
    signal: stop.signal,
  });
}

import { createDb, tables } from '@dangvu/drizzle';
import { addMonths, runJob, vietnamDay } from '@dangvu/subgraph-kit';
import { and, eq } from 'drizzle-orm';
import { jobs } from '@dangvu/subgraph-dues/jobs';
import { repositories } from '../../../subgraphs/dues/src/repositories.ts';
import { twelveMonthWindowStart } from '../../../subgraphs/dues/src/standing/standing.loaders.ts';

/**
 * `DATABASE_URL=… node scripts/src/bench/dues-month.ts`: issue 12's dues figures on a seeded database
 * (`npm run seed -- --scale province`): the monthly run making next month's obligations for every payer of the
 * province (taken back first, so the run can be repeated), the same run again (it must do nothing), then what the
 * ledger pages read: the largest cell's collection sheet (its payers and their twelve months) and the
 * province's view of its subtree's closes and figures. Wall-clock on the repositories' own statements
 * (docs/benchmarks.md); nothing asserts a time.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the seeded database to measure');
const handle = createDb(url, { max: 3 });
const today = vietnamDay(new Date());
const next = addMonths(today.slice(0, 7), 1);
const lastMonth = addMonths(today.slice(0, 7), -1);
const [obligationsJob] = jobs;

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`dues-month | ${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

try {
  const { db, sql } = handle;
  await db.delete(tables.obligations).where(eq(tables.obligations.period, `${next}-01`));
  await db.delete(tables.jobRuns).where(and(eq(tables.jobRuns.job, obligationsJob.name), eq(tables.jobRuns.key, next)));
  const [{ payers } = { payers: 0 }] = await sql<{ payers: number }[]>`select count(*)::int as payers from dues.payers`;
  console.log(`dues-month | ${payers} payers; the month made: ${next}`);
  const outcome = await time(`monthly run, ${next}`, () => runJob(handle, obligationsJob, { month: next }));
  const [{ made } = { made: 0 }] = await sql<{ made: number }[]>`select count(*)::int as made from dues.obligations where period = ${`${next}-01`}`;
  console.log(`dues-month | ${outcome.status}: ${made} obligations made`);
  const again = await time('the same run again', () => runJob(handle, obligationsJob, { month: next }));
  console.log(`dues-month | ${again.status}`);

  const repos = repositories(db);
  const [largest] = await sql<{ orgId: string; payers: number }[]>`select org_id as "orgId", count(*)::int as payers from dues.payers group by org_id order by 2 desc limit 1`;
  const [root] = await sql<{ path: string }[]>`select path from organization.organizations where parent_id is null limit 1`;
  for (let run = 1; run <= 3; run++) {
    await time(`collection sheet of the largest cell (${largest!.payers} payers), run ${run}`, async () => {
      const inCell = await repos.payments.payersIn(largest!.orgId);
      return repos.standing.obligationsSince(inCell.map((payer) => payer.memberId), twelveMonthWindowStart(today));
    });
  }
  for (let run = 1; run <= 3; run++) {
    await time(`the province's closes of ${lastMonth}, run ${run}`, () => repos.monthCloses.inSubtree(root!.path, `${lastMonth}-01`));
  }
} finally {
  await handle.close();
}

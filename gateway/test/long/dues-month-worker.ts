/**
 * A process doing a month of dues as the dues subgraph's process and its officers would: the month's
 * obligations job, then each payer's month paid, in cash (a numbered receipt) or, for every third payer, by a
 * QR payment prepared for it. dues-month-under-kill.long.test.ts kills it with SIGKILL at random points and
 * starts it again; on each start it goes on with what is still to do. DATABASE_URL names the database, MONTH
 * the month (YYYY-MM), FINANCE the finance member's identity (JSON); it prints "ready" once loaded and "done"
 * at the end.
 */
import { randomUUID } from 'node:crypto';
import { createDb, tables } from '@dangvu/drizzle';
import { duesSubgraph } from '@dangvu/subgraph-dues';
import { jobs } from '@dangvu/subgraph-dues/jobs';
import { runJob, type Identity } from '@dangvu/subgraph-kit';
import { and, eq, notExists, sql } from 'drizzle-orm';
import { paysByQr } from './dues-month-split.ts';

const month = process.env.MONTH!;
const period = `${month}-01`;
const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const identity = JSON.parse(process.env.FINANCE!) as Identity;
// Loaded: the test's random kill counts from here, so that it falls in the work and not in Node's start.
process.stdout.write('ready\n');
await runJob(db, jobs.find((job) => job.name === 'dues.obligations')!, { month });

const dues = await duesSubgraph(db);
const context = dues.context({ identity, requestId: randomUUID() });
const owed = await db.db
  .select({ memberId: tables.obligations.memberId })
  .from(tables.obligations)
  .where(
    and(
      eq(tables.obligations.period, period),
      eq(tables.obligations.status, 'DUE'),
      notExists(db.db.select({ one: sql`1` }).from(tables.qrPayments).where(and(eq(tables.qrPayments.memberId, tables.obligations.memberId), eq(tables.qrPayments.status, 'OPEN')))),
    ),
  )
  .orderBy(tables.obligations.memberId);
for (const { memberId } of owed) {
  const input = { memberId, months: [month] };
  const { userErrors } = paysByQr(memberId) ? await context.qrPayments.prepare(input) : await context.payments.record(input);
  // A payer whose organization holds no account cannot pay by QR; that is counted by the test, not an error.
  if (userErrors.some((error) => error.code !== 'NO_COLLECTION_ACCOUNT')) throw new Error(`${memberId}: ${JSON.stringify(userErrors)}`);
}
process.stdout.write('done\n');
await db.close();

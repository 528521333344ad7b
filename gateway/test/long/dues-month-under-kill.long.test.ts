import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { seedDemoData } from '@dangvu/drizzle/seed';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { verifyAuditChain, type Identity } from '@dangvu/subgraph-kit';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paysByQr } from './dues-month-split.ts';

/**
 * A month of dues made and paid by a process killed with SIGKILL at random points and started again
 * (docs/reliability.md#a-month-of-dues-under-kill--9): the month's obligations job resumes from its cursor, each
 * payer's month is paid once, in cash with one receipt numbered without a gap, or by one open QR payment;
 * none lost, none doubled, the counts compared at the end. Results go to LONG_RESULTS.
 */
const MEMBERS = Number(process.env.LONG_DUES_MEMBERS ?? 2_400);
let database: TestDatabase;
let db: DbHandle;
// The demo's twelve months end with last month, so that this month is the one the run makes.
const now = new Date();
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
const period = `${month}-01`;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 4 });
  await seedDemoData(db.sql, { members: MEMBERS, asOf: new Date(now.getTime() - 31 * 24 * 3600 * 1000) });
}, 600_000);
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startWorker(finance: Identity): { child: ChildProcess; ready: Promise<void>; done: Promise<boolean> } {
  const child = spawn(process.execPath, [new URL('./dues-month-worker.ts', import.meta.url).pathname], {
    env: { ...process.env, DATABASE_URL: database.url, MONTH: month, FINANCE: JSON.stringify(finance) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  let loaded: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    if (output.includes('ready')) loaded();
  });
  const done = new Promise<boolean>((resolve) => child.once('exit', () => resolve(output.includes('done'))));
  return { child, ready, done };
}

describe('a month of dues under kill -9', () => {
  it(`makes and pays ${MEMBERS} members' month exactly once through a process killed at random`, async () => {
    const [root] = await db.db.select().from(tables.organizations).where(isNull(tables.organizations.parentId));
    const finance: Identity = { personId: randomUUID(), grants: [{ role: 'FINANCE_MEMBER', orgId: root!.id, orgPath: root!.path }], partner: null };
    const payers = await db.db.select().from(tables.payers).where(sql`${tables.payers.collectsFrom} <= ${period}`);
    expect(await db.db.$count(tables.obligations, eq(tables.obligations.period, period))).toBe(0);

    const started = Date.now();
    let kills = 0;
    // Kills that fell before the month's obligations were all made (the others fell among the payments).
    let killsInJob = 0;
    for (;;) {
      const worker = startWorker(finance);
      await Promise.race([worker.ready, worker.done]);
      // While the month is being made, short lives (growing, so that a batch gets done in the end) so that
      // kills fall inside the job's batches; then lives long enough to pay a few hundred payers each.
      const [run] = await db.db.select().from(tables.jobRuns).where(and(eq(tables.jobRuns.job, 'dues.obligations'), eq(tables.jobRuns.key, month)));
      const life = run?.status === 'DONE' ? 200 + Math.random() * 5_800 : 100 + Math.random() * (800 + 400 * killsInJob);
      const finished = await Promise.race([worker.done, pause(Math.floor(life)).then(() => null)]);
      if (finished) break;
      if (finished === false) throw new Error('the worker failed (its error is above)');
      worker.child.kill('SIGKILL');
      kills++;
      const [after] = await db.db.select().from(tables.jobRuns).where(and(eq(tables.jobRuns.job, 'dues.obligations'), eq(tables.jobRuns.key, month)));
      if (after?.status !== 'DONE') killsInJob++;
      await worker.done;
      expect(Date.now() - started).toBeLessThan(1_500_000);
    }

    // The job: one run, done, every payer counted once, one obligation each.
    const runs = await db.db.select().from(tables.jobRuns).where(and(eq(tables.jobRuns.job, 'dues.obligations'), eq(tables.jobRuns.key, month)));
    expect(runs).toMatchObject([{ status: 'DONE', done: payers.length, total: payers.length }]);
    const obligations = await db.db.select().from(tables.obligations).where(eq(tables.obligations.period, period));
    expect(obligations.length).toBe(payers.length);
    expect(new Set(obligations.map((o) => o.memberId)).size).toBe(payers.length);

    // Cash: one receipt per payer, its month paid by it, numbered 1…n per organization without a gap, each on the audit trail.
    const owing = obligations.filter((o) => o.amount > 0 && o.status !== 'WAIVED');
    const cash = owing.filter((o) => !paysByQr(o.memberId));
    const receipts = await db.db.select().from(tables.receipts).where(sql`${period}::date = any(${tables.receipts.months})`);
    expect(receipts.length).toBe(cash.length);
    expect(new Set(receipts.map((r) => r.memberId)).size).toBe(cash.length);
    const receiptOf = new Map(receipts.map((r) => [r.memberId, r]));
    for (const o of cash) expect([o.status, o.receiptId, o.amount]).toEqual(['PAID_CASH', receiptOf.get(o.memberId)!.id, receiptOf.get(o.memberId)!.amount]);
    const numbers = new Map<string, number[]>();
    for (const r of receipts) numbers.set(r.orgId, [...(numbers.get(r.orgId) ?? []), r.number]);
    for (const list of numbers.values()) expect(list.sort((a, b) => a - b)).toEqual(list.map((_n, i) => i + 1));
    const trail = await db.db.$count(tables.auditEntries, eq(tables.auditEntries.action, 'dues.cashPaymentRecorded'));
    expect(trail).toBe(cash.length);

    // QR: one open payment per payer whose organization collects by account, for the month's amount; none for the others.
    const qr = owing.filter((o) => paysByQr(o.memberId));
    const open = await db.db.select().from(tables.qrPayments).where(and(eq(tables.qrPayments.status, 'OPEN'), eq(tables.qrPayments.monthsKey, period)));
    expect(await db.db.$count(tables.qrPayments)).toBe(open.length);
    expect(new Set(open.map((p) => p.memberId)).size).toBe(open.length);
    const amountOf = new Map(qr.map((o) => [o.memberId, o.amount]));
    for (const p of open) expect(p.amount).toBe(amountOf.get(p.memberId));
    const withAccount = Number((await db.sql`
      select count(*)::int as n from dues.obligations o join dues.payers p on p.member_id = o.member_id
      where o.period = ${period} and o.member_id = any(${qr.map((o) => o.memberId)}::uuid[])
        and exists (select 1 from dues.collection_accounts a where p.org_path like a.org_path || '%')`)[0]!.n);
    expect(open.length).toBe(withAccount);
    for (const o of qr) expect(o.status).toBe('DUE');
    expect((await verifyAuditChain(db.db)).problems).toEqual([]);

    const result = { test: 'dues month under kill -9', payers: payers.length, cash: cash.length, qr: open.length, qrWithoutAccount: qr.length - open.length, kills, killsInJob, seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (process.env.LONG_RESULTS) writeFileSync(process.env.LONG_RESULTS, `${JSON.stringify(result)}\n`, { flag: 'a' });
  }, 1_800_000);
});

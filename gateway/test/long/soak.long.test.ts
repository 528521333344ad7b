import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../src/testing/platform.ts';
import { loginAs, post, type GraphQLAnswer } from '../http-helpers.ts';

/**
 * A bounded mixed load (docs/reliability.md#soak): members reading their record and dues, the finance member
 * taking payments under idempotency keys, officers reading the cell's members, for SOAK_SECONDS (600 by
 * default), with the resident memory sampled every 5 s and the live heap (after a full collection) every 30 s,
 * their least-squares slopes reported; the live heap must not grow after the first minute. The four
 * subgraphs and the gateway run in this one process here (the test platform), so one process is sampled.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
/** The first minute warms up (compiled code, plans, pools, the signed calls' nonce memory): growth is read after it. */
const WARM_UP_SECONDS = 60;
/** Live heap growth past which the run fails: a leak of a few hundred bytes a request shows well above it. */
const MOST_HEAP_GROWTH_MB_PER_MINUTE = 2;
// Resident memory tracks V8's heap sizing (it collects late on a 24 GiB machine), not what is kept: the live heap
// after a full collection is what a leak grows, so the run takes the collector in hand.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
let platform: TestPlatform;
let db: DbHandle;

beforeAll(async () => {
  platform = await startTestPlatform();
  db = createDb(platform.databaseUrl, { max: 2 });
}, 300_000);
afterAll(async () => {
  await db?.close();
  await platform?.stop();
});

/** MB per minute, by least squares over (seconds, MB). */
function slope(samples: { at: number; mb: number }[]): number {
  const n = samples.length;
  const mx = samples.reduce((sum, s) => sum + s.at, 0) / n;
  const my = samples.reduce((sum, s) => sum + s.mb, 0) / n;
  const num = samples.reduce((sum, s) => sum + (s.at - mx) * (s.mb - my), 0);
  const den = samples.reduce((sum, s) => sum + (s.at - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

describe('soak', () => {
  it(`serves a mixed load for ${SECONDS} s without an error, reporting memory growth`, async () => {
    const member = await loginAs(platform, 'MEMBER');
    const finance = await loginAs(platform, 'FINANCE_MEMBER');
    const secretary = await loginAs(platform, 'SECRETARY');
    const [account] = await db.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, platform.demo.member.username));
    const memberId = account!.memberId!;
    const [cell] = await db.db.select().from(tables.organizations).where(eq(tables.organizations.name, platform.demo.member.cellName));
    const errors: unknown[] = [];
    let requests = 0;
    const check = (answer: GraphQLAnswer) => {
      requests++;
      if (answer.status !== 200 || answer.body.errors) errors.push(answer.body.errors ?? answer.status);
      return answer;
    };
    const until = Date.now() + SECONDS * 1000;
    const reader = async () => {
      while (Date.now() < until) {
        check(await post(platform, { query: '{ me { fullName organization { name } duesStanding { paidThrough unpaidMonths } transfers { state } } }' }, { authorization: `Bearer ${member}` }));
      }
    };
    const officer = async () => {
      while (Date.now() < until) {
        check(await post(platform, { query: 'query ($id: ID!) { organization(id: $id) { name memberList(first: 50) { totalCount } } }', variables: { id: cell!.id } }, { authorization: `Bearer ${secretary}` }));
      }
    };
    const payer = async () => {
      while (Date.now() < until) {
        const [latest] = await db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(1);
        await db.db.update(tables.obligations).set({ status: 'DUE', paidAt: null, receiptId: null }).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, latest!.period)));
        const key = randomUUID();
        const body = { query: 'mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { reference } userErrors { code } } }', variables: { input: { memberId, months: [latest!.period.slice(0, 7)] } } };
        // Each payment sent twice under its key, as a double tap would: one receipt, the same answer.
        const [first, second] = [check(await post(platform, body, { authorization: `Bearer ${finance}`, 'idempotency-key': key })), check(await post(platform, body, { authorization: `Bearer ${finance}`, 'idempotency-key': key }))];
        if (JSON.stringify(first.body) !== JSON.stringify(second.body) || first.body.data?.recordCashPayment.userErrors.length) errors.push(first.body);
      }
    };
    const samples: { at: number; mb: number }[] = [];
    const started = Date.now();
    const heap: { at: number; mb: number }[] = [];
    const sampler = setInterval(() => samples.push({ at: (Date.now() - started) / 1000, mb: process.memoryUsage().rss / 2 ** 20 }), 5_000);
    const heapSampler = setInterval(() => {
      collectGarbage();
      heap.push({ at: (Date.now() - started) / 1000, mb: process.memoryUsage().heapUsed / 2 ** 20 });
    }, 30_000);
    await Promise.all([reader(), reader(), officer(), payer()]);
    clearInterval(sampler);
    clearInterval(heapSampler);
    const warm = heap.filter((sample) => sample.at >= WARM_UP_SECONDS);

    const result = {
      test: 'soak',
      seconds: SECONDS,
      requests,
      errors: errors.length,
      rssStartMb: Math.round(samples[0]?.mb ?? 0),
      rssEndMb: Math.round(samples.at(-1)?.mb ?? 0),
      rssSlopeMbPerMinute: Number(slope(samples).toFixed(2)),
      heapAfterWarmUpMb: Math.round(warm[0]?.mb ?? 0),
      heapEndMb: Math.round(warm.at(-1)?.mb ?? 0),
      heapSlopeMbPerMinute: Number(slope(warm).toFixed(2)),
      at: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (process.env.LONG_RESULTS) writeFileSync(process.env.LONG_RESULTS, `${JSON.stringify(result)}\n`, { flag: 'a' });
    expect(errors.slice(0, 3)).toEqual([]);
    expect(result.heapSlopeMbPerMinute).toBeLessThan(MOST_HEAP_GROWTH_MB_PER_MINUTE);
  }, SECONDS * 1000 + 120_000);
});

import { randomUUID } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { verifyAuditChain } from '@dangvu/subgraph-kit';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post, type GraphQLAnswer } from './http-helpers.ts';

/**
 * The database goes away under load and comes back (docs/reliability.md#database-outage): a relay between the
 * subgraphs and PostgreSQL is cut, as a stopped server cuts its connections, while members read and the
 * finance member records payments, each payment retried under its own Idempotency-Key as a client should.
 */
let platform: TestPlatform;
let db: DbHandle;
let finance: string;
let member: string;
let cellId: string;
/** One open month per member of the demo cell: the payments the load records. */
let payments: { memberId: string; month: string }[];

const RECORD = 'mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { reference } userErrors { code } } }';
const ME = { query: '{ me { fullName } }' };
const readyz = async () => {
  const response = await fetch(new URL('/readyz', platform.gatewayUrl), { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const codes = (answer: GraphQLAnswer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);

beforeAll(async () => {
  platform = await startTestPlatform({ databaseOutages: true });
  db = createDb(platform.databaseUrl, { max: 2 });
  finance = await loginAs(platform, 'FINANCE_MEMBER');
  member = await loginAs(platform, 'MEMBER');
  const [cell] = await db.db.select().from(tables.organizations).where(eq(tables.organizations.name, platform.demo.member.cellName));
  cellId = cell!.id;
  const financeAccount = platform.accounts.find((account) => account.role === 'FINANCE_MEMBER')!;
  const [officer] = await db.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, financeAccount.username));
  const payers = await db.db
    .select({ memberId: tables.payers.memberId })
    .from(tables.payers)
    .where(and(eq(tables.payers.orgId, cellId), ne(tables.payers.memberId, officer!.memberId!)));
  payments = [];
  for (const { memberId } of payers) {
    const [latest] = await db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(1);
    if (!latest) continue;
    await db.db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null, receiptId: null })
      .where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, latest.period)));
    payments.push({ memberId, month: latest.period.slice(0, 7) });
  }
}, 120_000);
afterAll(async () => {
  await db?.close();
  await platform?.stop();
});

describe('a database outage under load', () => {
  it('answers SERVICE_UNAVAILABLE meanwhile without hanging, readiness 503 with that code, recovers by itself, and leaves nothing half-written', async () => {
    expect(payments.length).toBeGreaterThan(3);
    const receiptsBefore = await db.db.select().from(tables.receipts).where(eq(tables.receipts.orgId, cellId));
    let phase: 'before' | 'outage' | 'after' = 'before';
    const seen: { phase: string; codes: unknown[]; ms: number }[] = [];
    const timed = async (send: () => Promise<GraphQLAnswer>) => {
      const at = phase;
      const started = Date.now();
      const answer = await send();
      seen.push({ phase: at, codes: codes(answer), ms: Date.now() - started });
      return answer;
    };
    let loading = true;
    let stopPaying = false;
    const readers = Array.from({ length: 3 }, async () => {
      while (loading) await timed(() => post(platform, ME, { authorization: `Bearer ${member}` }));
    });
    // Each payment is sent until it is answered other than SERVICE_UNAVAILABLE, always under its own key.
    const payer = (async () => {
      for (const payment of payments) {
        const key = randomUUID();
        while (!stopPaying) {
          const answer = await timed(() =>
            post(platform, { query: RECORD, variables: { input: { memberId: payment.memberId, months: [payment.month] } } }, { authorization: `Bearer ${finance}`, 'idempotency-key': key }),
          );
          if (!codes(answer).includes('SERVICE_UNAVAILABLE')) {
            expect(answer.body.errors).toBeUndefined();
            expect(answer.body.data!.recordCashPayment.userErrors).toEqual([]);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    })();

    try {
      await outageAndRecovery();
    } finally {
      // A failure above must not leave the load running against a platform being stopped.
      loading = false;
      stopPaying = true;
      await Promise.allSettled([payer, ...readers]);
    }
    async function outageAndRecovery() {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await platform.database!.stop();
      phase = 'outage';
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const unready = await readyz();
      expect(unready.status).toBe(503);
      expect(unready.body).toMatchObject({ status: 'unavailable', code: 'SERVICE_UNAVAILABLE', unavailable: ['organization', 'members', 'dues', 'transfers'] });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await platform.database!.start();
      phase = 'after';

      let ready = await readyz();
      for (const until = Date.now() + 20_000; ready.status !== 200 && Date.now() < until; ready = await readyz()) {
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toEqual({ status: 200, body: { status: 'ready' } });
    await payer;
    }

    const during = seen.filter((answer) => answer.phase === 'outage');
    expect(during.length).toBeGreaterThan(5);
    // Every refusal meanwhile is the coded one, and none waited long.
    expect(new Set(during.flatMap((answer) => answer.codes))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(Math.max(...seen.map((answer) => answer.ms))).toBeLessThan(10_000);
    expect(codes(await post(platform, ME, { authorization: `Bearer ${member}` }))).toEqual([]);

    // Invariants: each payment once, each receipt the sum of its months, receipts numbered without a gap.
    const receipts = await db.db.select().from(tables.receipts).where(eq(tables.receipts.orgId, cellId));
    expect(receipts.length - receiptsBefore.length).toBe(payments.length);
    const paid = await db.db
      .select()
      .from(tables.obligations)
      .where(inArray(tables.obligations.memberId, payments.map((payment) => payment.memberId)));
    for (const payment of payments) {
      const month = paid.find((row) => row.memberId === payment.memberId && row.period === `${payment.month}-01`)!;
      expect(month.status).toBe('PAID_CASH');
      const receipt = receipts.find((row) => row.id === month.receiptId)!;
      expect(receipt.amount).toBe(month.amount);
      expect(receipts.filter((row) => row.memberId === payment.memberId && row.months.includes(`${payment.month}-01`))).toHaveLength(1);
    }
    for (const year of new Set(receipts.map((receipt) => receipt.year))) {
      const numbers = receipts.filter((receipt) => receipt.year === year).map((receipt) => receipt.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    }
    expect((await verifyAuditChain(db.db)).problems).toEqual([]);
  }, 120_000);
});

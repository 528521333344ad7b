import { randomUUID } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

/** Retries with an Idempotency-Key, as a partner system or a double-tapped button sends them (docs/api.md#retries). */
let platform: TestPlatform;
let db: DbHandle;
let finance: string;
let memberId: string;

const RECORD = `mutation Record($input: RecordCashPaymentInput!) {
  recordCashPayment(input: $input) { receipt { reference amount months member { fullName } } userErrors { code message } }
}`;

/** Opens the demo member's latest two months again, so that each test has months to pay. */
async function openMonths(): Promise<string[]> {
  const latest = await db.db
    .select()
    .from(tables.obligations)
    .where(eq(tables.obligations.memberId, memberId))
    .orderBy(desc(tables.obligations.period))
    .limit(2);
  for (const row of latest) {
    await db.db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null, receiptId: null })
      .where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, row.period)));
  }
  return latest.map((row) => row.period.slice(0, 7));
}

const receiptsOf = async () => (await db.db.select().from(tables.receipts).where(eq(tables.receipts.memberId, memberId))).length;

const pay = (months: string[], key: string | undefined, token = finance) =>
  post(platform, { query: RECORD, variables: { input: { memberId, months } } }, { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) });

beforeAll(async () => {
  platform = await startTestPlatform();
  db = createDb(platform.databaseUrl, { max: 2 });
  finance = await loginAs(platform, 'FINANCE_MEMBER');
  const [account] = await db.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, platform.demo.member.username));
  memberId = account!.memberId!;
}, 120_000);
afterAll(async () => {
  await db?.close();
  await platform?.stop();
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer, the same receipt, and records the payment once', async () => {
    const months = await openMonths();
    const before = await receiptsOf();
    const key = randomUUID();
    const first = await pay(months, key);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.recordCashPayment.userErrors).toEqual([]);
    const retry = await pay(months, key);
    expect(retry.body).toEqual(first.body);
    expect(await receiptsOf()).toBe(before + 1);
    // Without a key, the same request is a second payment, which the months being settled refuse.
    const unkeyed = await pay(months, undefined);
    expect(unkeyed.body.data!.recordCashPayment.userErrors.map((e: { code: string }) => e.code)).toEqual(months.map(() => 'MONTH_ALREADY_SETTLED'));
  });

  it('gives fifty identical requests sent at once one payment and the same answer', async () => {
    const months = await openMonths();
    const before = await receiptsOf();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 50 }, () => pay(months, key)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const [first] = answers;
    expect(first!.body.data!.recordCashPayment.receipt).not.toBeNull();
    for (const answer of answers) expect(answer.body).toEqual(first!.body);
    expect(await receiptsOf()).toBe(before + 1);
  });

  it('refuses the same key with another request, in Vietnamese, changing nothing, in whichever subgraph it lands', async () => {
    const months = await openMonths();
    const key = randomUUID();
    await pay(months.slice(0, 1), key);
    const before = await receiptsOf();
    const other = await pay(months.slice(1), key);
    expect(other.body.errors).toMatchObject([{ extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } }]);
    expect(other.body.errors![0]!.message).toMatch(/đã được dùng cho một yêu cầu khác/);
    expect(await receiptsOf()).toBe(before);
    const [open] = await db.db
      .select({ status: tables.obligations.status })
      .from(tables.obligations)
      .where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, `${months[1]}-01`)));
    expect(open!.status).toBe('DUE');
    // A members mutation under the same key is another request too.
    const elsewhere = await post(
      platform,
      { query: 'mutation { logout(input: { refreshToken: "x" }) { userErrors { code } } }' },
      { authorization: `Bearer ${finance}`, 'idempotency-key': key },
    );
    expect(elsewhere.body.errors).toMatchObject([{ extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } }]);
  });

  it('keeps keys per caller: another person’s request under the same key is theirs, and runs', async () => {
    const months = await openMonths();
    const key = randomUUID();
    await pay(months.slice(0, 1), key);
    const secretary = await loginAs(platform, 'SECRETARY');
    const theirs = await pay(months.slice(1), key, secretary);
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.body.data!.recordCashPayment).toMatchObject({ receipt: { months: months.slice(1) }, userErrors: [] });
  });

  it('does not send again an answer that holds a secret: the retry is told it was done, and the secret stays', async () => {
    const member = await loginAs(platform, 'MEMBER');
    const key = randomUUID();
    const start = { query: 'mutation { startSecondFactor { secret userErrors { code } } }' };
    const first = await post(platform, start, { authorization: `Bearer ${member}`, 'idempotency-key': key });
    expect(first.body.data!.startSecondFactor.secret).toMatch(/^[A-Z2-7]+$/);
    const [stored] = await db.db.select({ secret: tables.accounts.totpSecret }).from(tables.accounts).where(eq(tables.accounts.memberId, memberId));
    const retry = await post(platform, start, { authorization: `Bearer ${member}`, 'idempotency-key': key });
    expect(retry.body.errors).toMatchObject([{ extensions: { code: 'IDEMPOTENT_ANSWER_WITHHELD' } }]);
    expect(retry.body.errors![0]!.message).toMatch(/đã được thực hiện/);
    expect(JSON.stringify(retry.body)).not.toContain(first.body.data!.startSecondFactor.secret);
    const [after] = await db.db.select({ secret: tables.accounts.totpSecret }).from(tables.accounts).where(eq(tables.accounts.memberId, memberId));
    expect(after!.secret).toEqual(stored!.secret);
    const kept = await db.db.select({ answer: tables.idempotencyAnswers.answer }).from(tables.idempotencyAnswers).where(eq(tables.idempotencyAnswers.key, key));
    expect(JSON.stringify(kept)).not.toContain(first.body.data!.startSecondFactor.secret);
  });

  it('refuses a malformed key and a key on a batch with HTTP 400, before anything runs', async () => {
    const months = await openMonths();
    const before = await receiptsOf();
    for (const key of ['khóa', 'a b', 'x'.repeat(256)]) {
      const answer = await pay(months, key);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
      expect(answer.body.errors![0]!.message).toMatch(/Khóa Idempotency-Key không hợp lệ/);
    }
    const batch = await post(platform, [{ query: RECORD, variables: { input: { memberId, months } } }], {
      authorization: `Bearer ${finance}`,
      'idempotency-key': randomUUID(),
    });
    expect(batch.status).toBe(400);
    expect(await receiptsOf()).toBe(before);
  });
});

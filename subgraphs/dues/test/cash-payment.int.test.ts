import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const RECORD = `mutation ($input: RecordCashPaymentInput!) {
  recordCashPayment(input: $input) { receipt { number year reference amount months method collectedBy { id } member { id } } userErrors { code field message } }
}`;

/** A fresh cell with one payer owing three months (Jan DUE, Feb OVERDUE, Mar PAID_ONLINE, Apr WAIVED). */
async function cellWithPayer() {
  const orgId = randomUUID();
  const orgPath = `/${randomUUID()}/${orgId}/`;
  const member = randomUUID();
  const db = subgraph.db.db;
  await db.insert(tables.payers).values({ memberId: member, orgId, orgPath, category: 'STUDENT', collectsFrom: '2026-01-01' });
  await db.insert(tables.obligations).values([
    { memberId: member, orgId, period: '2026-01-01', amount: 3_000, status: 'DUE' },
    { memberId: member, orgId, period: '2026-02-01', amount: 3_000, status: 'OVERDUE' },
    { memberId: member, orgId, period: '2026-03-01', amount: 3_000, status: 'PAID_ONLINE' },
    { memberId: member, orgId, period: '2026-04-01', amount: 3_000, status: 'WAIVED' },
  ]);
  return { orgId, orgPath, member };
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const record = (caller: ReturnType<typeof personWith>, memberId: string, months: string[]) => subgraph.call(RECORD, { input: { memberId, months } }, caller);
const statuses = async (member: string) =>
  (await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, member))).sort((a, b) => a.period.localeCompare(b.period)).map((o) => o.status);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('Mutation.recordCashPayment', () => {
  it('marks the months paid in cash, gives receipt 0001 of the year with their sum, and records it on the member’s trail', async () => {
    const { orgId, orgPath, member } = await cellWithPayer();
    const finance = as('FINANCE_MEMBER', orgPath);
    const { data, errors } = await record(finance, member, ['2026-02', '2026-01']);
    expect(errors).toBeUndefined();
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
    expect(data!.recordCashPayment).toEqual({
      receipt: { number: 1, year, reference: `0001/${year}`, amount: '6000', months: ['2026-01', '2026-02'], method: 'PAID_CASH', collectedBy: { id: orgId }, member: { id: member } },
      userErrors: [],
    });
    expect(await statuses(member)).toEqual(['PAID_CASH', 'PAID_CASH', 'PAID_ONLINE', 'WAIVED']);
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.subjectMemberId, member), eq(tables.auditEntries.action, 'dues.cashPaymentRecorded')));
    expect(trail).toMatchObject([{ actorId: finance.personId, orgPath, after: { number: 1, amount: '6000', months: ['2026-01', '2026-02'] } }]);
  });

  it('refuses, in Vietnamese and writing nothing, a month already paid, waived, not made, twice chosen, or none', async () => {
    const { orgId, orgPath, member } = await cellWithPayer();
    const secretary = as('SECRETARY', orgPath);
    const cases: [string[], string][] = [
      [['2026-01', '2026-03'], 'MONTH_ALREADY_SETTLED'],
      [['2026-04'], 'MONTH_ALREADY_SETTLED'],
      [['2026-09'], 'MONTH_NOT_OWED'],
      [['2026-01', '2026-01'], 'DUPLICATE_MONTH'],
      [[], 'MONTHS_REQUIRED'],
    ];
    for (const [months, code] of cases) {
      const { data, errors } = await record(secretary, member, months);
      expect(errors).toBeUndefined();
      expect(data!.recordCashPayment.receipt).toBeNull();
      expect(data!.recordCashPayment.userErrors).toEqual([{ code, field: 'months', message: expect.stringMatching(/tháng/i) }]);
    }
    expect(await statuses(member)).toEqual(['DUE', 'OVERDUE', 'PAID_ONLINE', 'WAIVED']);
    expect(await subgraph.db.db.select().from(tables.receiptCounters).where(eq(tables.receiptCounters.orgId, orgId))).toEqual([]);
  });

  it('takes the same payment sent fifty times at once exactly once, and numbers fifty payments of one cell 1 to 50 without a gap', async () => {
    const { orgId, orgPath, member } = await cellWithPayer();
    const finance = as('FINANCE_MEMBER', orgPath);
    const same = await Promise.all(Array.from({ length: 50 }, () => record(finance, member, ['2026-01'])));
    expect(same.filter((r) => r.data?.recordCashPayment.receipt)).toHaveLength(1);
    expect(same.filter((r) => r.data?.recordCashPayment.userErrors[0]?.code === 'MONTH_ALREADY_SETTLED')).toHaveLength(49);

    const others = await Promise.all(
      Array.from({ length: 49 }, async () => {
        const memberId = randomUUID();
        await subgraph.db.db.insert(tables.payers).values({ memberId, orgId, orgPath, category: 'STUDENT', collectsFrom: '2026-01-01' });
        await subgraph.db.db.insert(tables.obligations).values({ memberId, orgId, period: '2026-01-01', amount: 3_000, status: 'DUE' });
        return memberId;
      }),
    );
    const paid = await Promise.all(others.map((memberId) => record(finance, memberId, ['2026-01'])));
    expect(paid.every((r) => r.data?.recordCashPayment.receipt)).toBe(true);
    const numbers = (await subgraph.db.db.select().from(tables.receipts).where(eq(tables.receipts.orgId, orgId))).map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('answers a retry under the same Idempotency-Key with the first receipt, kept by the subgraph’s own database role', async () => {
    const { orgPath, member } = await cellWithPayer();
    const finance = as('FINANCE_MEMBER', orgPath);
    const claim = { key: randomUUID(), fingerprint: 'same-request' };
    const call = () => subgraph.call(RECORD, { input: { memberId: member, months: ['2026-01'] } }, finance, claim);
    const first = await call();
    expect(first.data!.recordCashPayment.userErrors).toEqual([]);
    const retry = await call();
    expect(retry).toEqual(first);
    const refused = await subgraph.call(RECORD, { input: { memberId: member, months: ['2026-02'] } }, finance, { ...claim, fingerprint: 'another' });
    expect(refused.errors).toMatchObject([{ extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } }]);
    expect(await statuses(member)).toEqual(['PAID_CASH', 'OVERDUE', 'PAID_ONLINE', 'WAIVED']);
  });

  it('lets the secretary, the deputy and an officer of the committee above record; refuses outsiders, officers below, other roles and members', async () => {
    const { orgPath, member } = await cellWithPayer();
    const parentPath = orgPath.split('/').slice(0, 2).join('/') + '/';
    expect((await record(as('DEPUTY_SECRETARY', orgPath), member, ['2026-01'])).data!.recordCashPayment.receipt.number).toBe(1);
    expect((await record(as('FINANCE_MEMBER', parentPath), member, ['2026-02'])).data!.recordCashPayment.receipt.number).toBe(2);
    const { member: other, orgPath: otherPath } = await cellWithPayer();
    for (const caller of [
      as('FINANCE_MEMBER', `/${randomUUID()}/`),
      as('SECRETARY', `${otherPath}${randomUUID()}/`),
      as('ADMIN', otherPath),
      personWith(randomUUID()),
    ]) {
      const { data, errors } = await record(caller, other, ['2026-01']);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await statuses(other)).toEqual(['DUE', 'OVERDUE', 'PAID_ONLINE', 'WAIVED']);
  });

  it('refuses any officer recording their own dues, the finance member and the secretary alike; another officer takes them', async () => {
    const { orgPath, member } = await cellWithPayer();
    for (const role of ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'] as const) {
      const { errors } = await record(personWith(member, role, orgPath), member, ['2026-01']);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await statuses(member)).toEqual(['DUE', 'OVERDUE', 'PAID_ONLINE', 'WAIVED']);
    // The finance member's own dues, taken by the secretary of the cell.
    expect((await record(as('SECRETARY', orgPath), member, ['2026-01'])).data!.recordCashPayment.userErrors).toEqual([]);
  });

  it('refuses a member the dues roll does not know, as it would a member out of reach', async () => {
    const { errors } = await record(as('FINANCE_MEMBER', '/'), randomUUID(), ['2026-01']);
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

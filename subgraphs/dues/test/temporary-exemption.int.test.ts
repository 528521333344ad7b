import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { drainOutbox, memberEvents, publish, publishEvent, runJob, type EventPayload, type MemberEvents } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesTemporaryExemptionConsumer } from '../src/exemption/temporary-exemption.consumer.ts';
import { obligationsJob } from '../src/obligation/obligations.job.ts';
import { duesCollectionAccountConsumer } from '../src/payment/collection-account.consumer.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const orgId = randomUUID();
const orgPath = `/${randomUUID()}/${orgId}/`;
const member = randomUUID();
const neighbour = randomUUID();
const began = randomUUID();
const ended = randomUUID();
const job = obligationsJob({ defaultWageRegion: null });

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const payer = (memberId: string) => ({ memberId, orgId, orgPath, category: 'PENSION' as const, basis: 6_000_000, birthDate: '1960-06-01', sex: 'MALE' as const, collectsFrom: '2025-01-01' });
  await subgraph.db.db.insert(tables.payers).values([payer(member), payer(neighbour)]);
});
afterAll(() => subgraph?.stop());

/** The event as the members subgraph writes it, each time in its own transaction (a redelivery is a second row). */
const announce = (payload: EventPayload<MemberEvents, 'member.temporaryExemptionChanged'>) =>
  subgraph.db.db.transaction((tx) => publishEvent(tx, memberEvents, 'member.temporaryExemptionChanged', payload.memberId, payload));
const exemptions = () => subgraph.db.db.select().from(tables.temporaryExemptions).where(eq(tables.temporaryExemptions.memberId, member));
const months = async (memberId: string) =>
  (await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(asc(tables.obligations.period))).map((o) => ({
    month: o.period.slice(0, 7),
    status: o.status,
    amount: o.amount,
  }));

describe('a temporary exemption reaches the dues roll', () => {
  it('records the exemption once when its resolution is announced twice', async () => {
    await announce({ memberId: member, statusChangeId: began, exempt: true, on: '2026-03-15' });
    await announce({ memberId: member, statusChangeId: began, exempt: true, on: '2026-03-15' });
    expect(await drainOutbox(subgraph.db.db, duesTemporaryExemptionConsumer)).toBe(2);
    expect(await exemptions()).toMatchObject([{ statusChangeId: began, startsOn: '2026-03-15', endsOn: null }]);
  });

  it('defers the whole months after the resolution, keeping their amount; the resolution’s month and other members are owed as usual', async () => {
    for (const month of ['2026-03', '2026-04', '2026-05']) expect((await runJob(subgraph.db, job, { month })).status).toBe('done');
    expect(await months(member)).toEqual([
      { month: '2026-03', status: 'DUE', amount: 30_000 },
      { month: '2026-04', status: 'DEFERRED', amount: 30_000 },
      { month: '2026-05', status: 'DEFERRED', amount: 30_000 },
    ]);
    const [april] = await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, member)).orderBy(asc(tables.obligations.period)).offset(1);
    expect(april!.calculation).toContain('hoãn đóng trong thời gian tạm miễn sinh hoạt đảng');
    expect((await months(neighbour)).map((m) => m.status)).toEqual(['DUE', 'DUE', 'DUE']);
  });

  it('ends the exemption on the return, once however often it is announced, and owes the return’s month as usual', async () => {
    await announce({ memberId: member, statusChangeId: ended, exempt: false, on: '2026-06-10' });
    await announce({ memberId: member, statusChangeId: ended, exempt: false, on: '2026-06-10' });
    expect(await drainOutbox(subgraph.db.db, duesTemporaryExemptionConsumer)).toBe(2);
    expect(await exemptions()).toMatchObject([{ startsOn: '2026-03-15', endsOn: '2026-06-10', endedByStatusChangeId: ended }]);
    expect((await runJob(subgraph.db, job, { month: '2026-06' })).status).toBe('done');
    expect((await months(member)).map((m) => m.status)).toEqual(['DUE', 'DEFERRED', 'DEFERRED', 'DUE']);
  });

  it('prepares a payment QR for the deferred months on return, for their sum', async () => {
    const { db } = subgraph.db;
    await db.transaction((tx) => publish(tx, 'organization.duesAccountSet', orgId, { orgId, orgPath, bankBin: '970405', accountNumber: '1234567890', holderName: 'CHI BO THON DONG' }));
    await drainOutbox(db, duesCollectionAccountConsumer);
    const PREPARE = `mutation ($input: PreparePaymentInput!) { preparePayment(input: $input) { payment { amount months } userErrors { code message } } }`;
    const { data, errors } = await subgraph.call(PREPARE, { input: { memberId: member, months: ['2026-04', '2026-05'] } }, personWith(member));
    expect(errors).toBeUndefined();
    expect(data!.preparePayment).toEqual({ payment: { amount: '60000', months: ['2026-04', '2026-05'] }, userErrors: [] });
  });

  it('takes the deferred months in cash on return, with one receipt for their sum', async () => {
    const RECORD = `mutation ($input: RecordCashPaymentInput!) {
      recordCashPayment(input: $input) { receipt { amount months method } userErrors { code message } }
    }`;
    const finance = personWith(randomUUID(), 'FINANCE_MEMBER', orgPath);
    const { data, errors } = await subgraph.call(RECORD, { input: { memberId: member, months: ['2026-04', '2026-05'] } }, finance);
    expect(errors).toBeUndefined();
    expect(data!.recordCashPayment).toEqual({ receipt: { amount: '60000', months: ['2026-04', '2026-05'], method: 'PAID_CASH' }, userErrors: [] });
    expect((await months(member)).map((m) => m.status)).toEqual(['DUE', 'PAID_CASH', 'PAID_CASH', 'DUE']);
    const again = await subgraph.call(RECORD, { input: { memberId: member, months: ['2026-04'] } }, finance);
    expect(again.data!.recordCashPayment.userErrors).toMatchObject([{ code: 'MONTH_ALREADY_SETTLED' }]);
  });
});

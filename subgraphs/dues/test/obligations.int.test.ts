import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { drainOutbox, publish, runJob } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesTransferConsumer } from '../src/obligation/member-transferred.consumer.ts';
import { duesOrganizationMovedConsumer } from '../src/obligation/organization-moved.consumer.ts';
import { obligationsJob } from '../src/obligation/obligations.job.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const cell = { id: randomUUID(), path: '' };
const otherCell = { id: randomUUID(), path: '' };
const [salaried, pensioner, student, reduced, waived, noIncome, joinsLater, newcomerSameDay] = Array.from({ length: 8 }, () => randomUUID()) as [string, string, string, string, string, string, string, string];
const job = obligationsJob({ defaultWageRegion: null });

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  cell.path = `/${randomUUID()}/${cell.id}/`;
  otherCell.path = `/${randomUUID()}/${otherCell.id}/`;
  const { db } = subgraph.db;
  const payer = (memberId: string, category: typeof tables.payers.$inferInsert.category, basis: number | null, collectsFrom = '2025-01-01') => ({
    memberId,
    orgId: cell.id,
    orgPath: cell.path,
    category,
    basis,
    birthDate: '1985-06-01',
    sex: 'MALE' as const,
    collectsFrom,
  });
  await db.insert(tables.payers).values([
    payer(salaried, 'SOCIAL_INSURANCE_SALARY', 9_876_543),
    payer(pensioner, 'PENSION', 6_000_000),
    payer(student, 'STUDENT', null),
    payer(reduced, 'SOCIAL_INSURANCE_SALARY', 10_000_000),
    payer(waived, 'PENSION', 8_000_000),
    payer(noIncome, 'NO_INCOME_BELOW_RETIREMENT_AGE', null),
    payer(joinsLater, 'STUDENT', null, '2026-04-01'),
  ]);
  await db.insert(tables.orgWageRegions).values({ orgId: cell.id, region: 'REGION_II' });
  const decision = { decidedByOrgId: cell.id, reference: '12-QĐ/CB', decidedOn: '2026-02-20' };
  await db.insert(tables.reliefDecisions).values([
    { ...decision, memberId: reduced, kind: 'REDUCTION', ground: 'OTHER_HARDSHIP', percent: 30, fromMonth: '2026-03-01', untilMonth: '2026-04-01' },
    { ...decision, memberId: waived, kind: 'WAIVER', ground: 'PARTY_AGE_50', fromMonth: '2026-03-01', applicationReference: 'Đơn ngày 15/02/2026' },
  ]);
});
afterAll(() => subgraph?.stop());

const monthOf = async (period: string) =>
  Object.fromEntries(
    (await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.period, period)).orderBy(asc(tables.obligations.memberId))).map((o) => [
      o.memberId,
      { amount: o.amount, status: o.status, orgId: o.orgId },
    ]),
  );

describe('the monthly obligations job', () => {
  it('makes one obligation per payer for the month, by the rate table and the decisions in force', async () => {
    const outcome = await runJob(subgraph.db, job, { month: '2026-03' });
    expect(outcome.status).toBe('done');
    const march = await monthOf('2026-03-01');
    expect(march).toEqual({
      [salaried]: { amount: 98_765, status: 'DUE', orgId: cell.id },
      [pensioner]: { amount: 30_000, status: 'DUE', orgId: cell.id },
      [student]: { amount: 5_000, status: 'DUE', orgId: cell.id },
      [reduced]: { amount: 70_000, status: 'DUE', orgId: cell.id },
      [waived]: { amount: 0, status: 'WAIVED', orgId: cell.id },
      // 0.3% of region II's 4,730,000.
      [noIncome]: { amount: 14_190, status: 'DUE', orgId: cell.id },
    });
    const [row] = await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, reduced));
    expect(row).toMatchObject({ ratedAmount: 100_000, calculation: expect.stringContaining('giảm 30%') });
  });

  it('makes nothing twice: a finished month is not run again, and a month already there is left as it is', async () => {
    expect((await runJob(subgraph.db, job, { month: '2026-03' })).status).toBe('already-done');
    // A payer added with their month already recorded (paid in cash ahead of the run) keeps it.
    await subgraph.db.db.insert(tables.payers).values({ memberId: newcomerSameDay, orgId: cell.id, orgPath: cell.path, category: 'STUDENT', collectsFrom: '2026-04-01' });
    await subgraph.db.db.insert(tables.obligations).values({ memberId: newcomerSameDay, orgId: cell.id, period: '2026-04-01', amount: 5_000, status: 'PAID_CASH' });
    const [first, second] = await Promise.all([runJob(subgraph.db, job, { month: '2026-04' }), runJob(subgraph.db, job, { month: '2026-04' })]);
    expect([first.status, second.status].sort()).toEqual(['busy', 'done'].sort());
    const april = await monthOf('2026-04-01');
    expect(Object.keys(april)).toHaveLength(8);
    expect(april[newcomerSameDay]).toEqual({ amount: 5_000, status: 'PAID_CASH', orgId: cell.id });
    // The reduction of 03–04/2026 still holds; the payer who collects from 04/2026 owes from then.
    expect(april[reduced]!.amount).toBe(70_000);
    expect(april[joinsLater]!.amount).toBe(5_000);
    expect((await monthOf('2026-03-01'))[joinsLater]).toBeUndefined();
  });

  it('lets a reduction expire by itself and keeps a waiver without end', async () => {
    await runJob(subgraph.db, job, { month: '2026-05' });
    const may = await monthOf('2026-05-01');
    expect(may[reduced]).toMatchObject({ amount: 100_000, status: 'DUE' });
    expect(may[waived]).toMatchObject({ amount: 0, status: 'WAIVED' });
  });

  it('makes nothing for a payer whose month cannot be reckoned, and says so in the log', async () => {
    const unreckonable = randomUUID();
    const elsewhere = randomUUID();
    await subgraph.db.db.insert(tables.payers).values([
      { memberId: unreckonable, orgId: cell.id, orgPath: cell.path, category: 'PENSION', collectsFrom: '2026-08-01' },
      // An organization with no wage region of its own, and no default.
      { memberId: elsewhere, orgId: randomUUID(), orgPath: cell.path, category: 'NO_INCOME_RETIREMENT_AGE', collectsFrom: '2026-08-01' },
    ]);
    const warnings: Record<string, unknown>[] = [];
    const logged = obligationsJob({ defaultWageRegion: null, log: { info() {}, error() {}, warn: (_message, fields) => warnings.push(fields!) } });
    await runJob(subgraph.db, logged, { month: '2026-08' });
    const august = await monthOf('2026-08-01');
    expect(august[unreckonable]).toBeUndefined();
    expect(august[elsewhere]).toBeUndefined();
    expect(august[pensioner]).toMatchObject({ amount: 30_000 });
    expect(warnings).toEqual(
      expect.arrayContaining([
        { month: '2026-08', code: 'DUES_BASIS_REQUIRED', count: 1, memberIds: [unreckonable] },
        { month: '2026-08', code: 'WAGE_REGION_REQUIRED', count: 1, memberIds: [elsewhere] },
      ]),
    );
  });

  it('refuses a key that is no month', () => {
    expect(() => job.argsOf('2026-13')).toThrow();
    expect(job.argsOf('2026-12')).toEqual({ month: '2026-12' });
  });
});

describe('dues follow the member on transfer', () => {
  it('moves the roll and the unpaid months after the completion month to the new organization', async () => {
    const { db } = subgraph.db;
    await db.update(tables.obligations).set({ status: 'PAID_ONLINE' }).where(eq(tables.obligations.memberId, salaried));
    await db.update(tables.obligations).set({ status: 'DUE' }).where(eq(tables.obligations.period, '2026-05-01'));
    await db.transaction((tx) =>
      publish(tx, 'member.transferred', salaried, { memberId: salaried, fromOrgId: cell.id, toOrgId: otherCell.id, toOrgPath: otherCell.path, on: '2026-04-20' }),
    );
    expect(await drainOutbox(db, duesTransferConsumer)).toBe(1);
    const [payer] = await db.select().from(tables.payers).where(eq(tables.payers.memberId, salaried));
    expect({ orgId: payer!.orgId, orgPath: payer!.orgPath }).toEqual({ orgId: otherCell.id, orgPath: otherCell.path });
    expect((await monthOf('2026-04-01'))[salaried]).toMatchObject({ orgId: cell.id, status: 'PAID_ONLINE' });
    expect((await monthOf('2026-05-01'))[salaried]).toMatchObject({ orgId: otherCell.id, status: 'DUE' });
    await runJob(subgraph.db, job, { month: '2026-06' });
    expect((await monthOf('2026-06-01'))[salaried]).toMatchObject({ orgId: otherCell.id, amount: 98_765 });
  });

  it('takes a member transferred out of the system off the roll, keeping what they owed', async () => {
    const { db } = subgraph.db;
    await db.transaction((tx) =>
      publish(tx, 'member.transferredOut', student, { transferId: randomUUID(), memberId: student, fromOrgId: cell.id, destinationName: 'Đảng bộ Công an tỉnh', destinationAddress: 'Ninh Bình', on: '2026-06-10' }),
    );
    expect(await drainOutbox(db, duesTransferConsumer)).toBe(1);
    await runJob(subgraph.db, job, { month: '2026-07' });
    expect((await monthOf('2026-07-01'))[student]).toBeUndefined();
    expect((await monthOf('2026-06-01'))[student]).toMatchObject({ amount: 5_000 });
  });
});

describe('when an organization moves', () => {
  it('moves the roll’s, the collection accounts’ and the organizations’ copies of its path for its whole subtree, and no other', async () => {
    const { db } = subgraph.db;
    const account = { bankBin: '970405', accountNumber: '1234567890', holderName: 'CHI BO' };
    await db.insert(tables.collectionAccounts).values([
      { orgId: otherCell.id, orgPath: otherCell.path, ...account },
      { orgId: cell.id, orgPath: cell.path, ...account },
    ]);
    await db.insert(tables.duesOrganizations).values([
      { orgId: otherCell.id, path: otherCell.path, type: 'GRASSROOTS_CELL' },
      { orgId: cell.id, path: cell.path, type: 'GRASSROOTS_CELL' },
    ]);
    const newParent = `/${randomUUID()}/`;
    const newPath = `${newParent}${otherCell.id}/`;
    await db.transaction((tx) => publish(tx, 'organization.moved', otherCell.id, { orgId: otherCell.id, oldPath: otherCell.path, newPath }));
    expect(await drainOutbox(db, duesOrganizationMovedConsumer)).toBe(1);
    const paths = Object.fromEntries((await db.select().from(tables.payers)).map((p) => [p.memberId, p.orgPath]));
    expect(paths[salaried]).toBe(newPath);
    expect(paths[pensioner]).toBe(cell.path);
    const accounts = Object.fromEntries((await db.select().from(tables.collectionAccounts)).map((a) => [a.orgId, a.orgPath]));
    expect(accounts).toEqual({ [otherCell.id]: newPath, [cell.id]: cell.path });
    const organizations = Object.fromEntries((await db.select().from(tables.duesOrganizations)).map((o) => [o.orgId, o.path]));
    expect(organizations).toEqual({ [otherCell.id]: newPath, [cell.id]: cell.path });
  });
});

import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { runJob, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationsJob } from '../src/obligation/obligations.job.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const DECIDE = `mutation ($input: DecideDuesReliefInput!) {
  decideDuesRelief(input: $input) { decision { id kind ground percent fromMonth untilMonth reference decidedOn decidedBy { id } member { id } } userErrors { code field message } }
}`;

/** A ward; a grassroots committee with a subordinate cell; a grassroots cell; a salaried member in each cell owing March, April paid. */
async function tree() {
  const ids = { ward: randomUUID(), committee: randomUUID(), subCell: randomUUID(), cell: randomUUID() };
  const paths = {
    ward: `/${ids.ward}/`,
    committee: `/${ids.ward}/${ids.committee}/`,
    subCell: `/${ids.ward}/${ids.committee}/${ids.subCell}/`,
    cell: `/${ids.ward}/${ids.cell}/`,
  };
  const db = subgraph.db.db;
  await db.insert(tables.duesOrganizations).values([
    { orgId: ids.ward, path: paths.ward, type: 'PROVINCE_SUBORDINATE' },
    { orgId: ids.committee, path: paths.committee, type: 'GRASSROOTS_COMMITTEE' },
    { orgId: ids.subCell, path: paths.subCell, type: 'SUBORDINATE_CELL' },
    { orgId: ids.cell, path: paths.cell, type: 'GRASSROOTS_CELL' },
  ]);
  const inSubCell = randomUUID();
  const inCell = randomUUID();
  for (const [memberId, org] of [
    [inSubCell, 'subCell'],
    [inCell, 'cell'],
  ] as const) {
    await db.insert(tables.payers).values({ memberId, orgId: ids[org], orgPath: paths[org], category: 'SOCIAL_INSURANCE_SALARY', basis: 10_000_000, collectsFrom: '2026-03-01' });
    await db.insert(tables.obligations).values([
      { memberId, orgId: ids[org], period: '2026-03-01', amount: 100_000, ratedAmount: 100_000, status: 'OVERDUE', calculation: '1% × 10.000.000 đ' },
      { memberId, orgId: ids[org], period: '2026-04-01', amount: 100_000, ratedAmount: 100_000, status: 'PAID_CASH', calculation: '1% × 10.000.000 đ' },
    ]);
  }
  return { ids, paths, inSubCell, inCell };
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const reduction = { kind: 'REDUCTION', ground: 'OTHER_HARDSHIP', percent: 50, fromMonth: '2026-03', untilMonth: '2026-05', decidedOn: '2026-03-10', applicationReference: 'Đơn ngày 01/03/2026' };
const decide = (caller: ReturnType<typeof personWith>, input: Record<string, unknown>) => subgraph.call(DECIDE, { input: { reference: `QĐ-${randomUUID().slice(0, 8)}`, ...input } }, caller);
const month = async (memberId: string, period: string) =>
  (await subgraph.db.db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, period))))[0];

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('Mutation.decideDuesRelief', () => {
  it('lets the grassroots committee reduce its subordinate cell member’s dues by half for three months: March changes at once, April stays paid, May is made reduced and June in full again', async () => {
    const { ids, paths, inSubCell } = await tree();
    const secretary = as('SECRETARY', paths.committee);
    const { data, errors } = await decide(secretary, { memberId: inSubCell, ...reduction, reference: '12-QĐ/ĐU' });
    expect(errors).toBeUndefined();
    expect(data!.decideDuesRelief).toEqual({
      decision: { id: expect.any(String), kind: 'REDUCTION', ground: 'OTHER_HARDSHIP', percent: 50, fromMonth: '2026-03', untilMonth: '2026-05', reference: '12-QĐ/ĐU', decidedOn: '2026-03-10', decidedBy: { id: ids.committee }, member: { id: inSubCell } },
      userErrors: [],
    });
    expect(await month(inSubCell, '2026-03-01')).toMatchObject({ amount: 50_000, ratedAmount: 100_000, status: 'OVERDUE', calculation: expect.stringContaining('giảm 50% theo quyết định') });
    expect(await month(inSubCell, '2026-04-01')).toMatchObject({ amount: 100_000, status: 'PAID_CASH' });
    const job = obligationsJob({ defaultWageRegion: null });
    await runJob(subgraph.db, job, { month: '2026-05' });
    await runJob(subgraph.db, job, { month: '2026-06' });
    expect(await month(inSubCell, '2026-05-01')).toMatchObject({ amount: 50_000, status: 'DUE' });
    expect(await month(inSubCell, '2026-06-01')).toMatchObject({ amount: 100_000, status: 'DUE', reliefDecisionId: null });
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.action, 'dues.reliefDecided'), eq(tables.auditEntries.subjectMemberId, inSubCell)));
    expect(entry).toMatchObject({ actorId: secretary.personId, after: { reference: '12-QĐ/ĐU', monthsChanged: ['2026-03'] } });
  });

  it('lets a grassroots cell waive its own member’s dues for 50 years of party age: the months owed become waived', async () => {
    const { ids, paths, inCell } = await tree();
    const { data } = await decide(as('DEPUTY_SECRETARY', paths.cell), { memberId: inCell, kind: 'WAIVER', ground: 'PARTY_AGE_50', fromMonth: '2026-03', decidedOn: '2026-03-01' });
    expect(data!.decideDuesRelief.decision).toMatchObject({ kind: 'WAIVER', percent: null, untilMonth: null, decidedBy: { id: ids.cell } });
    expect(await month(inCell, '2026-03-01')).toMatchObject({ amount: 0, status: 'WAIVED' });
    expect(await month(inCell, '2026-04-01')).toMatchObject({ amount: 100_000, status: 'PAID_CASH' });
  });

  it('is refused to everyone but the deciding body’s secretary and deputy, and to them on their own dues', async () => {
    const { paths, inSubCell, inCell } = await tree();
    expect((await decide(as('DEPUTY_SECRETARY', paths.committee), { memberId: inSubCell, ...reduction })).data!.decideDuesRelief.userErrors).toEqual([]);
    const refusedForSubCell = [
      // The subordinate cell proposes; its committee decides.
      as('SECRETARY', paths.subCell),
      as('SECRETARY', paths.ward),
      as('FINANCE_MEMBER', paths.committee),
      as('ADMIN', paths.committee),
      as('ANALYST', paths.committee),
      as('SECRETARY', paths.cell),
      personWith(inSubCell),
      personWith(inSubCell, 'SECRETARY', paths.committee),
      personWith(randomUUID()),
    ];
    for (const caller of refusedForSubCell) {
      const { data, errors } = await decide(caller, { memberId: inSubCell, ...reduction });
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    for (const caller of [as('SECRETARY', paths.ward), as('SECRETARY', paths.committee), personWith(inCell, 'SECRETARY', paths.cell)]) {
      const { errors } = await decide(caller, { memberId: inCell, ...reduction });
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const decisions = await subgraph.db.db.select().from(tables.reliefDecisions).where(eq(tables.reliefDecisions.memberId, inSubCell));
    expect(decisions).toHaveLength(1);
    expect(await subgraph.db.db.select().from(tables.reliefDecisions).where(eq(tables.reliefDecisions.memberId, inCell))).toEqual([]);
  });

  it('records the same decision sent fifty times at once once; the others are told it is recorded', async () => {
    const { paths, inCell } = await tree();
    const secretary = as('SECRETARY', paths.cell);
    const answers = await Promise.all(Array.from({ length: 50 }, () => decide(secretary, { memberId: inCell, ...reduction, reference: '7-QĐ/CB' })));
    expect(answers.filter((a) => a.data?.decideDuesRelief.decision)).toHaveLength(1);
    expect(answers.filter((a) => a.data?.decideDuesRelief.userErrors[0]?.code === 'DUPLICATE_DECISION')).toHaveLength(49);
    expect(await month(inCell, '2026-03-01')).toMatchObject({ amount: 50_000 });
  });

  it('refuses, in Vietnamese and recording nothing, a reduction of 13 months, of 40%, without the member’s application', async () => {
    const { paths, inCell } = await tree();
    const secretary = as('SECRETARY', paths.cell);
    for (const [change, code] of [
      [{ untilMonth: '2027-03' }, 'REDUCTION_TOO_LONG'],
      [{ percent: 40 }, 'INVALID_PERCENT'],
      [{ applicationReference: null }, 'APPLICATION_REQUIRED'],
    ] as const) {
      const { data } = await decide(secretary, { memberId: inCell, ...reduction, ...change });
      expect(data!.decideDuesRelief).toEqual({ decision: null, userErrors: [{ code, field: expect.any(String), message: expect.stringMatching(/[ảãáàâăđêôơư]/u) }] });
    }
    expect(await subgraph.db.db.select().from(tables.reliefDecisions).where(eq(tables.reliefDecisions.memberId, inCell))).toEqual([]);
    expect(await month(inCell, '2026-03-01')).toMatchObject({ amount: 100_000, status: 'OVERDUE' });
  });
});

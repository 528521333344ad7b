import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import { runJob, type Identity, type Role } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesMonthlyFiguresJob } from '../src/report/monthly-figures.job.ts';
import { duesSubgraph } from '../src/server.ts';

/** docs/rules/reports.md#dues-figures: a hand count on a small commune, then the freeze. */
let subgraph: TestSubgraph;
let clock = new Date('2026-12-05T10:00:00+07:00');
const now = () => clock;
type Org = { id: string; path: string };
const o = {} as Record<'province' | 'commune' | 'cellA' | 'cellB' | 'otherCommune', Org>;
const someone = randomUUID();
type Status = (typeof tables.obligations.$inferInsert)['status'];
let late: string;

const person = (grants: { role: Role; org: Org }[] = []): Identity => ({
  personId: someone,
  grants: grants.map(({ role, org }) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});
const analyst = () => person([{ role: 'ANALYST', org: o.province }]);

const FIGURES = `query ($reps: [_Any!]!, $month: YearMonth!) { _entities(representations: $reps) { ... on Organization {
  duesMonthlyFigures(month: $month) {
    month frozen definition obligations expected collectedOnline collectedCash collectedPrepaid
    collectionRate { numerator denominator value } onlineShare { numerator denominator value } settledShare { numerator denominator value }
    membersTwoUnpaid membersThreeUnpaid
  } } } }`;
const figures = async (orgs: Org[], month: string, identity: Identity) => {
  const answer = await subgraph.call(FIGURES, { reps: orgs.map((org) => ({ __typename: 'Organization', id: org.id, path: org.path })), month }, identity);
  return { ...answer, figures: answer.data?._entities.map((entity: { duesMonthlyFigures: unknown } | null) => entity?.duesMonthlyFigures ?? null) };
};

async function payer(org: Org, months: [string, Status, number][]) {
  const memberId = randomUUID();
  await subgraph.db.db.insert(tables.payers).values({ memberId, orgId: org.id, orgPath: org.path, category: 'STUDENT', collectsFrom: '2025-01-01' });
  await subgraph.db.db.insert(tables.obligations).values(months.map(([month, status, amount]) => ({ memberId, orgId: org.id, period: `${month}-01`, amount, status })));
  return memberId;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', (db) => duesSubgraph(db, { now }));
  const { db } = subgraph.db;
  o.province = await buildOrganization(db);
  o.commune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.otherCommune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.cellA = await buildOrganization(db, { parent: o.commune });
  o.cellB = await buildOrganization(db, { parent: o.commune });
  await payer(o.cellA, [['2026-11', 'PAID_CASH', 50_000]]);
  await payer(o.cellA, [['2026-11', 'PAID_ONLINE', 30_000]]);
  // Three months unpaid this year: listed.
  late = await payer(o.cellA, [['2026-09', 'DUE', 20_000], ['2026-10', 'OVERDUE', 20_000], ['2026-11', 'DUE', 20_000]]);
  // A deferred month is neither expected nor unpaid.
  await payer(o.cellA, [['2026-11', 'DEFERRED', 10_000]]);
  // Two unpaid this year (last December's is another year): warned.
  await payer(o.cellB, [['2025-12', 'DUE', 40_000], ['2026-10', 'DUE', 40_000], ['2026-11', 'DUE', 40_000]]);
  await payer(o.cellB, [['2026-11', 'WAIVED', 0]]);
  await payer(o.cellB, [['2026-11', 'PREPAID', 25_000]]);
  await payer(o.otherCommune, [['2026-11', 'DUE', 99_000]]);
});
afterAll(() => subgraph?.stop());

const november = {
  month: '2026-11',
  frozen: false,
  definition: 1,
  obligations: 6,
  expected: '165000',
  collectedOnline: '30000',
  collectedCash: '50000',
  collectedPrepaid: '25000',
  collectionRate: { numerator: '105000', denominator: '165000', value: 105 / 165 },
  onlineShare: { numerator: '30000', denominator: '105000', value: 30 / 105 },
  settledShare: { numerator: 4, denominator: 6, value: 4 / 6 },
  membersTwoUnpaid: 1,
  membersThreeUnpaid: 1,
};

describe('Organization.duesMonthlyFigures', () => {
  it('matches a hand count for the commune and its cells, in one statement', async () => {
    await figures([o.commune], '2026-11', analyst());
    subgraph.resetQueryCount();
    const { figures: [commune, cellA, cellB], errors } = await figures([o.commune, o.cellA, o.cellB], '2026-11', analyst());
    expect(errors).toBeUndefined();
    expect(subgraph.queryCount()).toBe(2);
    expect(commune).toEqual(november);
    expect(cellA).toMatchObject({ obligations: 3, expected: '100000', membersThreeUnpaid: 1, membersTwoUnpaid: 0 });
    expect(cellB).toMatchObject({ obligations: 3, expected: '65000', membersThreeUnpaid: 0, membersTwoUnpaid: 1 });
  });

  it('freezes the month at the deadline: a payment entered afterwards shows only in the live figures', async () => {
    clock = new Date('2026-12-20T00:00:00+07:00');
    expect(await runJob(subgraph.db, duesMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-11' })).toMatchObject({ status: 'done' });
    await subgraph.db.db
      .update(tables.obligations)
      .set({ status: 'PAID_CASH' })
      .where(and(eq(tables.obligations.memberId, late), eq(tables.obligations.period, '2026-11-01')));
    const { figures: [frozen] } = await figures([o.commune], '2026-11', analyst());
    expect(frozen).toEqual({ ...november, frozen: true });
    expect(await runJob(subgraph.db, duesMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-11' })).toMatchObject({ status: 'already-done' });
    const { figures: [december] } = await figures([o.commune], '2026-12', analyst());
    expect(december).toMatchObject({ frozen: false, obligations: 0, expected: '0', collectionRate: { value: null } });
  });

  it('is for analysts and officers over the organization only', async () => {
    const forbidden = async (identity: Identity) => (await figures([o.commune], '2026-11', identity)).errors!.map((e) => e.extensions?.code);
    expect(await forbidden(person())).toContain('FORBIDDEN');
    expect(await forbidden(person([{ role: 'FINANCE_MEMBER', org: o.otherCommune }]))).toContain('FORBIDDEN');
    expect(await forbidden(person([{ role: 'FINANCE_MEMBER', org: o.cellA }]))).toContain('FORBIDDEN');
    expect((await figures([o.commune], '2026-11', person([{ role: 'SECRETARY', org: o.commune }]))).errors).toBeUndefined();
  });

  it('refuses a future month in Vietnamese', async () => {
    const { errors } = await figures([o.commune], '2027-02', analyst());
    expect(errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/chưa đến/) });
  });
});

import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import { runJob, type Identity, type Role } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersMonthlyFiguresJob } from '../src/report/monthly-figures.job.ts';
import { transfersSubgraph } from '../src/server.ts';

/** docs/rules/reports.md#transfer-figures: a hand count on a small commune, then the freeze. */
let subgraph: TestSubgraph;
let clock = new Date('2026-12-05T10:00:00+07:00');
const now = () => clock;
type Org = { id: string; path: string };
const o = {} as Record<'province' | 'commune' | 'cellA' | 'cellB' | 'otherCommune', Org>;
type State = (typeof tables.transferSteps.$inferInsert)['toState'];
let openTemporary: string;

const person = (grants: { role: Role; org: Org }[] = []): Identity => ({
  personId: randomUUID(),
  grants: grants.map(({ role, org }) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});
const analyst = () => person([{ role: 'ANALYST', org: o.province }]);

const FIGURES = `query ($reps: [_Any!]!, $month: YearMonth!) { _entities(representations: $reps) { ... on Organization {
  transferMonthlyFigures(month: $month) { month frozen
    official { received completed onTime { numerator denominator value } overdue online { numerator denominator value } }
    temporary { received completed onTime { numerator denominator value } overdue online { numerator denominator value } }
  } } } }`;
const figures = async (orgs: Org[], month: string, identity: Identity) => {
  const answer = await subgraph.call(FIGURES, { reps: orgs.map((org) => ({ __typename: 'Organization', id: org.id, path: org.path })), month }, identity);
  return { ...answer, figures: answer.data?._entities.map((entity: { transferMonthlyFigures: unknown } | null) => entity?.transferMonthlyFigures ?? null) };
};

async function dossier(origin: Org, kind: 'OFFICIAL' | 'TEMPORARY', inside: boolean, steps: [State, string][]) {
  const [row] = await subgraph.db.db
    .insert(tables.transfers)
    .values({ memberId: randomUUID(), kind, state: steps.at(-1)![0], fromOrgId: origin.id, originPath: origin.path, toOrgId: inside ? o.otherCommune.id : null, reason: 'Thử', effectiveOn: '2026-11-01' })
    .returning();
  await addSteps(row!.id, steps, 1);
  return row!.id;
}
async function addSteps(transferId: string, steps: [State, string][], first: number) {
  await subgraph.db.db
    .insert(tables.transferSteps)
    .values(steps.map(([toState, at], index) => ({ transferId, sequence: first + index, action: toState, toState, at: new Date(`${at}T09:00:00+07:00`), decision: {}, hash: randomUUID() })));
}

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', (db) => transfersSubgraph(db, { now }));
  const { db } = subgraph.db;
  o.province = await buildOrganization(db);
  o.commune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.otherCommune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.cellA = await buildOrganization(db, { parent: o.commune });
  o.cellB = await buildOrganization(db, { parent: o.commune });
  // Submitted and completed in November, received inside the system, never overdue.
  await dossier(o.cellA, 'OFFICIAL', true, [['SUBMITTED', '2026-11-02'], ['COMPLETED', '2026-11-20']]);
  // Submitted in October, overdue, completed in November on paper (a destination outside the system).
  await dossier(o.cellB, 'OFFICIAL', false, [['SUBMITTED', '2026-10-20'], ['OVERDUE', '2026-11-10'], ['COMPLETED', '2026-11-25']]);
  // A temporary transfer submitted in November, overdue and open at the month's end.
  openTemporary = await dossier(o.cellA, 'TEMPORARY', true, [['SUBMITTED', '2026-11-15'], ['OVERDUE', '2026-11-28']]);
  await dossier(o.otherCommune, 'OFFICIAL', true, [['SUBMITTED', '2026-11-03']]);
});
afterAll(() => subgraph?.stop());

const november = {
  month: '2026-11',
  frozen: false,
  official: { received: 1, completed: 2, onTime: { numerator: 1, denominator: 2, value: 0.5 }, overdue: 0, online: { numerator: 1, denominator: 2, value: 0.5 } },
  temporary: { received: 1, completed: 0, onTime: { numerator: 0, denominator: 0, value: null }, overdue: 1, online: { numerator: 0, denominator: 0, value: null } },
};

describe('Organization.transferMonthlyFigures', () => {
  it('matches a hand count of the dossiers the commune’s cells sent, per procedure, in one statement', async () => {
    await figures([o.commune], '2026-11', analyst());
    subgraph.resetQueryCount();
    const { figures: [commune, cellB], errors } = await figures([o.commune, o.cellB], '2026-11', analyst());
    expect(errors).toBeUndefined();
    expect(subgraph.queryCount()).toBe(2);
    expect(commune).toEqual(november);
    expect(cellB).toMatchObject({ official: { received: 0, completed: 1, onTime: { numerator: 0 }, online: { numerator: 0 } } });
  });

  it('freezes November at the deadline: a dossier completed afterwards shows in December only', async () => {
    clock = new Date('2026-12-21T10:00:00+07:00');
    expect(await runJob(subgraph.db, transfersMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-11' })).toMatchObject({ status: 'done' });
    await addSteps(openTemporary, [['COMPLETED', '2026-12-21']], 3);
    const { figures: [frozen] } = await figures([o.commune], '2026-11', analyst());
    expect(frozen).toEqual({ ...november, frozen: true });
    const { figures: [december] } = await figures([o.commune], '2026-12', analyst());
    expect(december).toMatchObject({ frozen: false, temporary: { completed: 1, overdue: 0, onTime: { numerator: 0, denominator: 1 } } });
  });

  it('is for analysts and officers over the organization only', async () => {
    for (const identity of [person(), person([{ role: 'SECRETARY', org: o.otherCommune }]), person([{ role: 'SECRETARY', org: o.cellA }])]) {
      const { errors } = await figures([o.commune], '2026-11', identity);
      expect(errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    }
  });
});

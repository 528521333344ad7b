import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { drainOutbox, publish, runJob, type Identity, type Role } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { membersMonthlyFiguresJob } from '../src/report/monthly-figures.job.ts';
import { rolloutSettingsConsumer } from '../src/report/rollout-settings.consumer.ts';

/** docs/rules/reports.md#member-figures: a hand count on a small commune, then the freeze. */
let subgraph: TestSubgraph;
let clock = new Date('2026-12-05T10:00:00+07:00');
const now = () => clock;
type Org = { id: string; path: string };
const o = {} as Record<'province' | 'commune' | 'cellA' | 'cellB' | 'military' | 'late' | 'otherCommune', Org>;
let outsider: { id: string };

const person = (id: string, grants: { role: Role; org: Org }[] = []): Identity => ({
  personId: id,
  grants: grants.map(({ role, org }) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});

const FIGURES = `query ($reps: [_Any!]!, $month: YearMonth!) { _entities(representations: $reps) { ... on Organization {
  memberMonthlyFigures(month: $month) {
    month frozen definition members inScope outOfScope { reason count }
    accountsIssued { numerator denominator value } accountsActivated { numerator denominator value } accountsUsed30Days { numerator denominator value }
    commentsRequested commentsAnswered commentsOverdue
    secretaryAccounts { numerator denominator value } deputySecretaryAccounts { numerator denominator value }
    financeMemberAccounts { numerator denominator value }
  } } } }`;
const figures = async (orgs: Org[], month: string, identity: Identity) => {
  const answer = await subgraph.call(FIGURES, { reps: orgs.map((org) => ({ __typename: 'Organization', id: org.id, path: org.path })), month }, identity);
  return { ...answer, figures: answer.data?._entities.map((entity: { memberMonthlyFigures: unknown } | null) => entity?.memberMonthlyFigures ?? null) };
};

const LAGGING = `query ($reps: [_Any!]!, $month: YearMonth!, $first: Int) { _entities(representations: $reps) { ... on Organization {
  laggingUnits(month: $month, first: $first) { organization { id } figures { frozen inScope accountsActivated { numerator denominator value } } } } } }`;

async function account(member: { id: string }, status: 'PENDING' | 'ACTIVE', username: string) {
  await subgraph.db.db.insert(tables.accounts).values({ memberId: member.id, username, status, passwordHash: status === 'ACTIVE' ? 'x' : null });
}
async function signedIn(member: { id: string }, at: string) {
  const [row] = await subgraph.db.db.select().from(tables.accounts).where(eq(tables.accounts.memberId, member.id));
  await subgraph.db.db.insert(tables.sessions).values({ accountId: row!.id, memberId: member.id, secondFactor: false, startedAt: new Date(at), expiresAt: new Date(at) });
}
async function rollout(org: Org, inRolloutScope: boolean, rolloutOnlineFrom: string | null) {
  await subgraph.db.db.transaction((tx) => publish(tx, 'organization.rolloutSet', org.id, { orgId: org.id, path: org.path, inRolloutScope, rolloutOnlineFrom }));
  await drainOutbox(subgraph.db.db, rolloutSettingsConsumer);
}

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph({ now }));
  const { db } = subgraph.db;
  o.province = await buildOrganization(db);
  o.commune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.otherCommune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE' });
  o.cellA = await buildOrganization(db, { parent: o.commune });
  o.cellB = await buildOrganization(db, { parent: o.commune });
  o.military = await buildOrganization(db, { parent: o.commune });
  o.late = await buildOrganization(db, { parent: o.commune });

  // Cell A: three members counted (one signed in lately, one with an account not yet activated, one without),
  // one exempt, one abroad, one deceased (no longer in the register's live statuses).
  const used = await buildMember(db, o.cellA);
  const pending = await buildMember(db, o.cellA);
  await buildMember(db, o.cellA);
  const exempt = await buildMember(db, o.cellA, { activityStatus: 'EXEMPT' });
  await buildMember(db, o.cellA, { activityStatus: 'ABROAD' });
  await buildMember(db, o.cellA, { activityStatus: 'DECEASED' });
  await account(used, 'ACTIVE', 'used');
  await account(pending, 'PENDING', 'pending');
  await account(exempt, 'ACTIVE', 'exempt');
  await signedIn(used, '2026-11-25T08:00:00+07:00');
  // Cell B: two activated accounts, the one sign-in more than 30 days before November's end.
  const b1 = await buildMember(db, o.cellB);
  const b2 = await buildMember(db, o.cellB);
  await account(b1, 'ACTIVE', 'b1');
  await account(b2, 'ACTIVE', 'b2');
  await signedIn(b1, '2026-10-20T08:00:00+07:00');
  // The military cell is kept out of the roll-out; the late cell goes online in January.
  const soldier = await buildMember(db, o.military);
  await buildMember(db, o.military);
  await account(soldier, 'ACTIVE', 'soldier');
  await buildMember(db, o.late);
  await rollout(o.military, false, null);
  await rollout(o.late, true, '2027-01-01');
  outsider = await buildMember(db, o.otherCommune);

  // Offices (docs/rules/reports.md#role-accounts): cell A's secretary can sign in, its deputy's account is not
  // activated; cell B's finance member can sign in, its secretary's term ended during November.
  const grant = (member: { id: string }, role: Role, org: Org, startsOn: string, endsOn: string | null = null) =>
    db.insert(tables.roleGrants).values({ memberId: member.id, role, orgId: org.id, orgPath: org.path, startsOn, endsOn });
  await grant(used, 'SECRETARY', o.cellA, '2025-01-01');
  await grant(pending, 'DEPUTY_SECRETARY', o.cellA, '2025-01-01');
  await grant(b1, 'FINANCE_MEMBER', o.cellB, '2025-01-01');
  await grant(b2, 'SECRETARY', o.cellB, '2025-01-01', '2026-11-10');
  await grant(soldier, 'SECRETARY', o.military, '2025-01-01');

  // Residence comments the commune's cell A asked: one answered in November, one open past its due day.
  const asked = { workplaceOrgId: o.cellA.id, workplacePath: o.cellA.path, purpose: 'PERSONNEL' as const, requestedBy: used.id };
  await db.insert(tables.residenceCommentRequests).values([
    { ...asked, memberId: used.id, dueOn: '2026-11-20', state: 'ANSWERED', requestedAt: new Date('2026-11-03T09:00:00+07:00'), answeredAt: new Date('2026-11-15T09:00:00+07:00') },
    { ...asked, memberId: pending.id, dueOn: '2026-11-20', state: 'AT_CELL', requestedAt: new Date('2026-11-10T09:00:00+07:00') },
  ]);
});
afterAll(() => subgraph?.stop());

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });
const november = {
  month: '2026-11',
  frozen: false,
  definition: 2,
  members: 10,
  inScope: 5,
  outOfScope: [
    { reason: 'EXEMPT', count: 1 },
    { reason: 'ABROAD', count: 1 },
    { reason: 'ORGANIZATION_EXCLUDED', count: 2 },
    { reason: 'NOT_YET_ONLINE', count: 1 },
  ],
  accountsIssued: rate(4, 5),
  accountsActivated: rate(3, 5),
  accountsUsed30Days: rate(1, 5),
  commentsRequested: 2,
  commentsAnswered: 1,
  commentsOverdue: 1,
  // The commune, cells A and B and the late cell; the military cell is out of the roll-out.
  secretaryAccounts: rate(1, 4),
  deputySecretaryAccounts: { numerator: 0, denominator: 4, value: 0 },
  financeMemberAccounts: rate(1, 4),
};

describe('Organization.memberMonthlyFigures', () => {
  it('matches a hand count, denominators following the exclusions, for the commune and its cells in one statement', async () => {
    const analyst = person(outsider.id, [{ role: 'ANALYST', org: o.province }]);
    await figures([o.commune], '2026-11', analyst);
    subgraph.resetQueryCount();
    const { figures: [commune, cellA, military, late], errors } = await figures([o.commune, o.cellA, o.military, o.late], '2026-11', analyst);
    expect(errors).toBeUndefined();
    expect(subgraph.queryCount()).toBe(2);
    expect(commune).toEqual(november);
    expect(cellA).toMatchObject({ members: 5, inScope: 3, accountsIssued: rate(2, 3), accountsActivated: rate(1, 3), accountsUsed30Days: rate(1, 3), secretaryAccounts: rate(1, 1) });
    expect(military).toMatchObject({ members: 2, inScope: 0, accountsActivated: { numerator: 0, denominator: 0, value: null } });
    expect(late).toMatchObject({ members: 1, inScope: 0, outOfScope: expect.arrayContaining([{ reason: 'NOT_YET_ONLINE', count: 1 }]) });
  });

  it('counts the late cell once its online month is reached, and the military cell again when put back in scope', async () => {
    const analyst = person(outsider.id, [{ role: 'ANALYST', org: o.province }]);
    await rollout(o.military, true, null);
    const { figures: [commune] } = await figures([o.commune], '2026-11', analyst);
    expect(commune).toMatchObject({ inScope: 7, accountsActivated: rate(4, 7), secretaryAccounts: rate(2, 5) });
    await rollout(o.military, false, null);
    expect((await subgraph.db.db.select().from(tables.rolloutSettings)).map((row) => row.orgId).sort()).toEqual([o.military.id, o.late.id].sort());
  });

  it('ranks the units under the commune in the database, lowest share of activated accounts first, those without members in scope left out', async () => {
    const analyst = person(outsider.id, [{ role: 'ANALYST', org: o.province }]);
    subgraph.resetQueryCount();
    const { data, errors } = await subgraph.call(LAGGING, { reps: [{ __typename: 'Organization', id: o.commune.id, path: o.commune.path }], month: '2026-11', first: 10 }, analyst);
    expect(errors).toBeUndefined();
    expect(subgraph.queryCount()).toBe(2);
    expect(data!._entities[0].laggingUnits).toEqual([
      { organization: { id: o.cellA.id }, figures: { frozen: false, inScope: 3, accountsActivated: rate(1, 3) } },
      { organization: { id: o.cellB.id }, figures: { frozen: false, inScope: 2, accountsActivated: rate(2, 2) } },
    ]);
    const one = await subgraph.call(LAGGING, { reps: [{ __typename: 'Organization', id: o.commune.id, path: o.commune.path }], month: '2026-11', first: 1 }, analyst);
    expect(one.data!._entities[0].laggingUnits.map((unit: { organization: { id: string } }) => unit.organization.id)).toEqual([o.cellA.id]);
    const tooMany = await subgraph.call(LAGGING, { reps: [{ __typename: 'Organization', id: o.commune.id, path: o.commune.path }], month: '2026-11', first: 500 }, analyst);
    expect(tooMany.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    const plain = await subgraph.call(LAGGING, { reps: [{ __typename: 'Organization', id: o.commune.id, path: o.commune.path }], month: '2026-11', first: 10 }, person(outsider.id));
    expect(plain.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('freezes a month once at the deadline: today’s changes no longer move it, the month in progress still does', async () => {
    const analyst = person(outsider.id, [{ role: 'ANALYST', org: o.province }]);
    await expect(runJob(subgraph.db, membersMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-12' })).rejects.toThrow(/has not ended/);
    clock = new Date('2026-12-20T00:00:00+07:00');
    expect(await runJob(subgraph.db, membersMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-11' })).toMatchObject({ status: 'done' });
    // After the freeze: a member of cell B goes abroad, a new member joins cell A.
    const [b] = await subgraph.db.db.select().from(tables.members).where(eq(tables.members.orgId, o.cellB.id));
    await subgraph.db.db.update(tables.members).set({ activityStatus: 'ABROAD' }).where(eq(tables.members.id, b!.id));
    await buildMember(subgraph.db.db, o.cellA);
    const { figures: [frozen, frozenCell] } = await figures([o.commune, o.cellB], '2026-11', analyst);
    expect(frozen).toEqual({ ...november, frozen: true });
    expect(frozenCell).toMatchObject({ frozen: true, inScope: 2 });
    const { figures: [live] } = await figures([o.commune], '2026-12', analyst);
    expect(live).toMatchObject({ frozen: false, members: 11, inScope: 5, outOfScope: expect.arrayContaining([{ reason: 'ABROAD', count: 2 }]) });
    // A second run of the month changes nothing.
    expect(await runJob(subgraph.db, membersMonthlyFiguresJob({ freezeDay: 20, now }), { month: '2026-11' })).toMatchObject({ status: 'already-done' });
    const { figures: [again] } = await figures([o.commune], '2026-11', analyst);
    expect(again).toEqual({ ...november, frozen: true });
    // The frozen month ranks its frozen rows: cell B's member gone abroad since does not move it.
    const { data } = await subgraph.call(LAGGING, { reps: [{ __typename: 'Organization', id: o.commune.id, path: o.commune.path }], month: '2026-11', first: 10 }, analyst);
    expect(data!._entities[0].laggingUnits).toEqual([
      { organization: { id: o.cellA.id }, figures: { frozen: true, inScope: 3, accountsActivated: rate(1, 3) } },
      { organization: { id: o.cellB.id }, figures: { frozen: true, inScope: 2, accountsActivated: rate(2, 2) } },
    ]);
  });

  it('is for analysts and officers over the organization, never a plain member nor outside the subtree', async () => {
    const { errors: plain } = await figures([o.commune], '2026-11', person(outsider.id));
    expect(plain!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const { errors: outside, figures: none } = await figures([o.commune], '2026-11', person(outsider.id, [{ role: 'SECRETARY', org: o.otherCommune }]));
    expect(outside!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(none).toEqual([null]);
    const { errors: ok } = await figures([o.cellA], '2026-11', person(outsider.id, [{ role: 'SECRETARY', org: o.cellA }]));
    expect(ok).toBeUndefined();
    const { errors: cellOnly } = await figures([o.commune], '2026-11', person(outsider.id, [{ role: 'SECRETARY', org: o.cellA }]));
    expect(cellOnly!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('refuses a malformed or a future month, in Vietnamese', async () => {
    const analyst = person(outsider.id, [{ role: 'ANALYST', org: o.province }]);
    for (const month of ['2026-13', '2027-06']) {
      const { errors } = await figures([o.commune], month, analyst);
      expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toMatch(/Tháng/);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { runJob, type Identity, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationsJob } from '../src/obligation/obligations.job.ts';
import { duesSubgraph } from '../src/server.ts';
import { wardAndCell } from './ward-and-cell.fixture.ts';

let subgraph: TestSubgraph;
const FIELDS = 'voluntaryAmount { id state amount fromMonth request decisionNote member { id } organization { id } decidedBy { id } } userErrors { code field message }';
const PROPOSE = `mutation ($input: ProposeVoluntaryDuesInput!) { proposeVoluntaryDues(input: $input) { ${FIELDS} } }`;
const DECIDE = `mutation ($input: DecideVoluntaryDuesInput!) { decideVoluntaryDues(input: $input) { ${FIELDS} } }`;
const RELIEF = `mutation ($input: DecideDuesReliefInput!) { decideDuesRelief(input: $input) { userErrors { code } } }`;
const LIST = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { duesVoluntaryAmounts(state: PROPOSED) { id amount viewerCanDecide } } } }`;
// Months from this one on: the proposal may not start in a month gone by.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const thisMonth = today.slice(0, 7);
const nextMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)).toISOString().slice(0, 7);

/** A ward with a grassroots cell; a salaried member (1% of 10.000.000 = 100.000) owing this month. */
async function cellWithMember() {
  const { ward, cell, wardPath, cellPath } = await wardAndCell(subgraph);
  const db = subgraph.db.db;
  const member = randomUUID();
  await db.insert(tables.payers).values({ memberId: member, orgId: cell, orgPath: cellPath, category: 'SOCIAL_INSURANCE_SALARY', basis: 10_000_000, collectsFrom: '2026-01-01' });
  await db.insert(tables.obligations).values({ memberId: member, orgId: cell, period: `${thisMonth}-01`, amount: 100_000, ratedAmount: 100_000, status: 'DUE', calculation: '1% × 10.000.000 đ' });
  return { ward, cell, wardPath, cellPath, member };
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const holding = (personId: string, ...grants: [Role, string][]): Identity => ({ personId, grants: grants.map(([role, orgPath]) => ({ role, orgId: orgPath.split('/').at(-2)!, orgPath })), partner: null });
const propose = (caller: Identity, input: Record<string, unknown>) => subgraph.call(PROPOSE, { input }, caller);
const decide = (caller: Identity, input: Record<string, unknown>) => subgraph.call(DECIDE, { input }, caller);
const proposal = (memberId: string, amount = '250000') => ({ memberId, amount, fromMonth: thisMonth, request: 'Đơn tự nguyện ngày 01/12/2026' });
const month = async (memberId: string, period: string) =>
  (await subgraph.db.db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, period))))[0];

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('voluntary higher amounts', () => {
  it('is proposed by the cell and approved by the ward: this month’s 100.000 becomes 250.000 at once, next month is made so by the run, each step audited', async () => {
    const { ward, cell, wardPath, cellPath, member } = await cellWithMember();
    const proposed = await propose(as('SECRETARY', cellPath), proposal(member));
    expect(proposed.errors).toBeUndefined();
    const { id } = proposed.data!.proposeVoluntaryDues.voluntaryAmount;
    expect(proposed.data!.proposeVoluntaryDues.voluntaryAmount).toMatchObject({ state: 'PROPOSED', amount: '250000', fromMonth: thisMonth, member: { id: member }, organization: { id: cell }, decidedBy: { id: ward } });
    const wardDeputy = as('DEPUTY_SECRETARY', wardPath);
    const list = await subgraph.call(LIST, { reps: [{ __typename: 'Organization', id: ward, path: wardPath }] }, wardDeputy);
    expect(list.data!._entities[0].duesVoluntaryAmounts).toEqual([{ id, amount: '250000', viewerCanDecide: true }]);
    expect((await decide(wardDeputy, { id, decision: 'APPROVE' })).data!.decideVoluntaryDues.voluntaryAmount.state).toBe('APPROVED');
    expect(await month(member, `${thisMonth}-01`)).toMatchObject({ amount: 250_000, ratedAmount: 100_000, status: 'DUE', calculation: expect.stringContaining('tự nguyện đóng cao hơn mức quy định') });
    await runJob(subgraph.db, obligationsJob({ defaultWageRegion: null }), { month: nextMonth });
    expect(await month(member, `${nextMonth}-01`)).toMatchObject({ amount: 250_000, ratedAmount: 100_000 });
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, id), eq(tables.auditEntries.subjectMemberId, member)));
    expect(trail.map((entry) => entry.action).sort()).toEqual(['dues.voluntaryAmount.approve', 'dues.voluntaryAmount.propose']);
  });

  it('gives way to a reduction decided later: the reduced month is half the rate’s amount, not of the voluntary one', async () => {
    const { wardPath, cellPath, member } = await cellWithMember();
    const { id } = (await propose(as('SECRETARY', cellPath), proposal(member))).data!.proposeVoluntaryDues.voluntaryAmount;
    await decide(as('SECRETARY', wardPath), { id, decision: 'APPROVE' });
    const relief = { memberId: member, kind: 'REDUCTION', ground: 'OTHER_HARDSHIP', percent: 50, fromMonth: thisMonth, untilMonth: thisMonth, reference: `QĐ-${randomUUID().slice(0, 6)}`, decidedOn: today, applicationReference: 'Đơn' };
    expect((await subgraph.call(RELIEF, { input: relief }, as('SECRETARY', cellPath))).data!.decideDuesRelief.userErrors).toEqual([]);
    expect(await month(member, `${thisMonth}-01`)).toMatchObject({ amount: 50_000, ratedAmount: 100_000 });
  });

  it('is rejected only with a reason; the months keep the rate', async () => {
    const { wardPath, cellPath, member } = await cellWithMember();
    const { id } = (await propose(as('DEPUTY_SECRETARY', cellPath), proposal(member))).data!.proposeVoluntaryDues.voluntaryAmount;
    const ward = as('SECRETARY', wardPath);
    expect((await decide(ward, { id, decision: 'REJECT' })).data!.decideVoluntaryDues.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOTE_REQUIRED']);
    expect((await decide(ward, { id, decision: 'REJECT', note: 'Đề nghị đồng chí cân nhắc hoàn cảnh' })).data!.decideVoluntaryDues.voluntaryAmount).toMatchObject({ state: 'REJECTED', decisionNote: 'Đề nghị đồng chí cân nhắc hoàn cảnh' });
    expect(await month(member, `${thisMonth}-01`)).toMatchObject({ amount: 100_000 });
  });

  it('refuses, in Vietnamese and writing nothing, an amount not above the rate, a month gone by, no request, a second pending proposal', async () => {
    const { cellPath, member } = await cellWithMember();
    const secretary = as('SECRETARY', cellPath);
    for (const [input, code] of [
      [proposal(member, '100000'), 'NOT_ABOVE_RATE'],
      [{ ...proposal(member), fromMonth: '2026-01' }, 'MONTH_PASSED'],
      [{ ...proposal(member), request: ' ' }, 'REQUEST_REQUIRED'],
      [proposal(member, '100000001'), 'AMOUNT_OUT_OF_RANGE'],
    ] as const) {
      const { data } = await propose(secretary, input);
      expect(data!.proposeVoluntaryDues.userErrors).toEqual([{ code, field: expect.any(String), message: expect.stringMatching(/[ạảãáàâăđêôơư]/u) }]);
    }
    expect(await subgraph.db.db.select().from(tables.voluntaryAmounts).where(eq(tables.voluntaryAmounts.memberId, member))).toEqual([]);
    const answers = await Promise.all(Array.from({ length: 50 }, () => propose(secretary, proposal(member))));
    expect(answers.filter((a) => a.data?.proposeVoluntaryDues.voluntaryAmount)).toHaveLength(1);
    expect(answers.filter((a) => a.data?.proposeVoluntaryDues.userErrors[0]?.code === 'PROPOSAL_PENDING')).toHaveLength(49);
  });

  it('approves once for fifty approvals at once', async () => {
    const { wardPath, cellPath, member } = await cellWithMember();
    const { id } = (await propose(as('SECRETARY', cellPath), proposal(member))).data!.proposeVoluntaryDues.voluntaryAmount;
    const ward = as('SECRETARY', wardPath);
    const answers = await Promise.all(Array.from({ length: 50 }, () => decide(ward, { id, decision: 'APPROVE' })));
    expect(answers.filter((a) => a.data?.decideVoluntaryDues.voluntaryAmount?.state === 'APPROVED')).toHaveLength(1);
    expect(answers.filter((a) => a.data?.decideVoluntaryDues.userErrors[0]?.code === 'ALREADY_DECIDED')).toHaveLength(49);
  });

  it('is proposed by no one on their own dues and by no one outside the cell’s reach; decided neither by the cell, nor the proposer, nor the member, nor a ward officer who holds a role in the cell', async () => {
    const { wardPath, cellPath, member } = await cellWithMember();
    // The member is the cell's secretary: their own dues are proposed by the deputy.
    const self = holding(member, ['SECRETARY', cellPath]);
    expect((await propose(self, proposal(member))).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    for (const caller of [as('FINANCE_MEMBER', cellPath), as('ADMIN', cellPath), as('SECRETARY', `/${randomUUID()}/`), as('SECRETARY', `${cellPath}${randomUUID()}/`), personWith(randomUUID())]) {
      expect((await propose(caller, proposal(member))).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const wardProposer = as('DEPUTY_SECRETARY', wardPath);
    const { id } = (await propose(wardProposer, proposal(member))).data!.proposeVoluntaryDues.voluntaryAmount;
    for (const caller of [wardProposer, holding(randomUUID(), ['SECRETARY', wardPath], ['FINANCE_MEMBER', cellPath]), holding(member, ['SECRETARY', cellPath], ['DEPUTY_SECRETARY', wardPath])]) {
      const { data } = await decide(caller, { id, decision: 'APPROVE' });
      expect(data!.decideVoluntaryDues.userErrors.map((e: { code: string; message: string }) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    }
    for (const caller of [as('SECRETARY', cellPath), as('FINANCE_MEMBER', wardPath), as('ADMIN', wardPath), personWith(member)]) {
      expect((await decide(caller, { id, decision: 'APPROVE' })).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const [row] = await subgraph.db.db.select().from(tables.voluntaryAmounts).where(eq(tables.voluntaryAmounts.id, id));
    expect(row!.state).toBe('PROPOSED');
    expect((await decide(as('DEPUTY_SECRETARY', wardPath), { id, decision: 'APPROVE' })).data!.decideVoluntaryDues.userErrors).toEqual([]);
  });
});

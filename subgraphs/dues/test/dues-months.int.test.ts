import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const cellPath = `/${randomUUID()}/${randomUUID()}/`;
const member = randomUUID();
const now = new Date();
const thisMonth = `${now.toISOString().slice(0, 7)}-01`;
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const calculation = '1% tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc của tháng trước: 1% × 9.876.543 đ = 98.765 đ';
  await subgraph.db.db.insert(tables.obligations).values([
    { memberId: member, orgId: randomUUID(), period: lastMonth, amount: 98_765, ratedAmount: 98_765, calculation, status: 'PAID_ONLINE' },
    { memberId: member, orgId: randomUUID(), period: thisMonth, amount: 69_136, ratedAmount: 98_765, calculation: `${calculation}; giảm 30% theo quyết định: 69.136 đ`, status: 'DUE' },
  ]);
});
afterAll(() => subgraph?.stop());

const MONTHS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { duesMonths { month amount ratedAmount status calculation } } } }`;
const reps = [{ __typename: 'Member', id: member, orgPath: cellPath }];
const views = async () => (await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.subjectMemberId, member))).filter((e) => e.action.startsWith('member.duesBasis'));
const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);

describe('Member.duesMonths', () => {
  it('shows the member their months newest first, each with the rule and figures, without recording their own read', async () => {
    const { data, errors } = await subgraph.call(MONTHS, { reps }, personWith(member));
    expect(errors).toBeUndefined();
    expect(data!._entities[0].duesMonths).toEqual([
      { month: thisMonth.slice(0, 7), amount: '69136', ratedAmount: '98765', status: 'DUE', calculation: expect.stringContaining('giảm 30%') },
      { month: lastMonth.slice(0, 7), amount: '98765', ratedAmount: '98765', status: 'PAID_ONLINE', calculation: expect.stringContaining('9.876.543 đ') },
    ]);
    expect(await views()).toEqual([]);
  });

  it('records on the member’s trail that the finance member read the figures, once per request', async () => {
    const finance = as('FINANCE_MEMBER', cellPath);
    const { errors } = await subgraph.call(MONTHS, { reps }, finance);
    expect(errors).toBeUndefined();
    expect(await views()).toMatchObject([{ action: 'member.duesBasisViewed', actorId: finance.personId, entityId: member, orgPath: cellPath }]);
  });

  it('refuses another member, an officer outside the subtree and a finance member of an organization below the member’s', async () => {
    for (const caller of [personWith(randomUUID()), as('SECRETARY', `/${randomUUID()}/`), as('FINANCE_MEMBER', `${cellPath}${randomUUID()}/`)]) {
      const { data, errors } = await subgraph.call(MONTHS, { reps }, caller);
      expect(data!._entities).toEqual([null]);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await views()).toHaveLength(1);
  });

  it('lets a deputy read the months of the cell’s secretary like any member’s, and records it; the secretary reading their own is not recorded', async () => {
    // The member is the cell's secretary: the dues rules do not change with the target's roles.
    const before = (await views()).length;
    const secretaryThemself = personWith(member, 'SECRETARY', cellPath);
    expect((await subgraph.call(MONTHS, { reps }, secretaryThemself)).errors).toBeUndefined();
    expect(await views()).toHaveLength(before);
    const deputy = as('DEPUTY_SECRETARY', cellPath);
    const { data, errors } = await subgraph.call(MONTHS, { reps }, deputy);
    expect(errors).toBeUndefined();
    expect(data!._entities[0].duesMonths).toHaveLength(2);
    expect((await views()).filter((entry) => entry.actorId === deputy.personId)).toHaveLength(1);
    expect(await views()).toHaveLength(before + 1);
  });

  it('tells a partner with dues:read the amounts but not the figures behind them', async () => {
    const partner = { personId: null, grants: [], partner: { clientId: randomUUID(), scopes: ['dues:read'] } };
    const { data, errors } = await subgraph.call(MONTHS, { reps }, partner);
    expect(errors).toBeUndefined();
    expect(data!._entities[0].duesMonths.map((m: { amount: string; calculation: string | null }) => [m.amount, m.calculation])).toEqual([
      ['69136', null],
      ['98765', null],
    ]);
    expect(await views()).toHaveLength(2);
  });
});

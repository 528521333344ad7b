import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twelveMonthWindowStart } from '../src/standing/standing.loaders.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const cellPath = '/province/cell/';
const members = [randomUUID(), randomUUID(), randomUUID()];
/** A member whose months each pass 2^31 and whose arrears pass 2^53. */
const bigDebtor = randomUUID();
const now = new Date();
const thisMonth = `${now.toISOString().slice(0, 7)}-01`;
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const rows = members.flatMap((memberId, index) => [
    { memberId, orgId: randomUUID(), period: '2020-01-01', amount: 99_999, status: 'DUE' as const },
    { memberId, orgId: randomUUID(), period: thisMonth, amount: 50_000 + index, status: index === 0 ? ('DUE' as const) : ('PAID_ONLINE' as const) },
  ]);
  await subgraph.db.db.insert(tables.obligations).values(rows);
  await subgraph.db.db.insert(tables.obligations).values(
    [
      { period: lastMonth, amount: 2 ** 52 + 1 },
      { period: thisMonth, amount: 2 ** 52 + 2 },
    ].map((month) => ({ ...month, memberId: bigDebtor, orgId: randomUUID(), status: 'DUE' as const })),
  );
});
afterAll(() => subgraph?.stop());

const STANDING = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { duesStanding { paidThrough unpaidMonths openMonths amountOwed inGoodStanding currentMonthlyAmount arrears { unpaidMonths level } } } } }`;
const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Member', id, orgPath: cellPath }));
const as = (personId: string, role?: Role, orgPath = cellPath) => personWith(personId, role, orgPath);

describe('Member.duesStanding', () => {
  it('shows the member their own standing over the last twelve months only, this month owed being no arrears', async () => {
    const { data, errors } = await subgraph.call(STANDING, { reps: reps([members[0]!]) }, as(members[0]!));
    expect(errors).toBeUndefined();
    // The 2020 obligation is outside the window.
    expect(data!._entities[0].duesStanding).toEqual({
      paidThrough: null,
      unpaidMonths: 0,
      openMonths: [thisMonth.slice(0, 7)],
      amountOwed: '50000',
      inGoodStanding: true,
      currentMonthlyAmount: '50000',
      arrears: { unpaidMonths: [], level: 'NONE' },
    });
  });

  it('shows the finance member of the cell every member’s standing in one statement', async () => {
    const finance = as(randomUUID(), 'FINANCE_MEMBER', '/province/');
    await subgraph.call(STANDING, { reps: reps(members) }, finance);
    subgraph.resetQueryCount();
    const { data, errors } = await subgraph.call(STANDING, { reps: reps(members) }, finance);
    expect(errors).toBeUndefined();
    expect(data!._entities.map((e: { duesStanding: { openMonths: string[] } }) => e.duesStanding.openMonths.length)).toEqual([1, 0, 0]);
    expect(subgraph.queryCount()).toBe(1);
  });

  it('gives the amount owed exactly as a string of digits past 2^31 and 2^53', async () => {
    const { data, errors } = await subgraph.call(STANDING, { reps: reps([bigDebtor]) }, as(bigDebtor));
    expect(errors).toBeUndefined();
    // (2^52 + 1) + (2^52 + 2) = 2^53 + 3, which a JavaScript number would round to 2^53 + 4.
    // Last month is owed: arrears, counted against the member when it lies in this calendar year (docs/rules/dues-standing.md).
    const counted = lastMonth.slice(0, 4) === thisMonth.slice(0, 4) ? 1 : 0;
    expect(data!._entities[0].duesStanding).toMatchObject({ unpaidMonths: counted, inGoodStanding: false, amountOwed: '9007199254740995', currentMonthlyAmount: '4503599627370498' });
  });

  it('refuses another member and an officer of another subtree', async () => {
    for (const caller of [as(members[1]!), as(randomUUID(), 'SECRETARY', '/province/other-cell/')]) {
      const { data, errors } = await subgraph.call(STANDING, { reps: reps([members[0]!]) }, caller);
      // The field is nullable (it is null too while this subgraph is down): the refusal nulls it alone.
      expect(data!._entities).toEqual([{ duesStanding: null }]);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('twelveMonthWindowStart', () => {
  it('starts eleven months before the current month, across a year boundary', () => {
    expect(twelveMonthWindowStart('2026-11-23')).toBe('2025-12-01');
    expect(twelveMonthWindowStart('2026-01-31')).toBe('2025-02-01');
  });
});

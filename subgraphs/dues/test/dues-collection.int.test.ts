import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const orgId = randomUUID();
const cellPath = `/${randomUUID()}/${orgId}/`;
const [first, second] = [randomUUID(), randomUUID()].sort();
const thisMonth = `${new Date().toISOString().slice(0, 7)}-01`;

const SHEET = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { duesCollection { member { id } months { month amount status } } } } }`;
const reps = [{ __typename: 'Organization', id: orgId, path: cellPath }];
const as = (role: Role, path: string) => personWith(randomUUID(), role, path);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const db = subgraph.db.db;
  await db.insert(tables.payers).values([first!, second!, randomUUID()].map((memberId, i) => ({ memberId, orgId: i < 2 ? orgId : randomUUID(), orgPath: cellPath, category: 'STUDENT' as const, collectsFrom: '2026-01-01' })));
  await db.insert(tables.obligations).values([
    { memberId: first!, orgId, period: thisMonth, amount: 3_000, status: 'DUE' },
    { memberId: second!, orgId, period: thisMonth, amount: 3_000, status: 'PAID_CASH' },
  ]);
});
afterAll(() => subgraph?.stop());

describe('Organization.duesCollection', () => {
  it('lists to the finance member, secretary and deputy of the cell, and to those above, each payer of the cell with their months', async () => {
    for (const caller of [as('FINANCE_MEMBER', cellPath), as('SECRETARY', cellPath), as('DEPUTY_SECRETARY', `/${cellPath.split('/')[1]}/`)]) {
      const { data, errors } = await subgraph.call(SHEET, { reps }, caller);
      expect(errors).toBeUndefined();
      expect(data!._entities[0].duesCollection).toEqual([
        { member: { id: first }, months: [{ month: thisMonth.slice(0, 7), amount: '3000', status: 'DUE' }] },
        { member: { id: second }, months: [{ month: thisMonth.slice(0, 7), amount: '3000', status: 'PAID_CASH' }] },
      ]);
    }
  });

  it('refuses members, administrators, and officers outside the cell or below it', async () => {
    for (const caller of [personWith(first!), as('ADMIN', cellPath), as('FINANCE_MEMBER', `/${randomUUID()}/`), as('SECRETARY', `${cellPath}${randomUUID()}/`)]) {
      const { data, errors } = await subgraph.call(SHEET, { reps }, caller);
      expect(data!._entities).toEqual([null]);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

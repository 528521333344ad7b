import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/** Organization.memberList: a cell's own members a page at a time, in Vietnamese order (docs/rules/member-register.md#cell-list). */
let subgraph: TestSubgraph;
const t = {} as { ward: { id: string; path: string }; cell: { id: string; path: string }; child: { id: string; path: string } };

// Given in an order that neither the default collation nor the bytes put right.
const NAMES = ['Trần Văn Hưng Long', 'Trần Văn Hạ', 'Lê Thị Đông', 'Lê Thị Dương', 'Nguyễn Văn An', 'Nguyễn Văn Ánh', 'Bùi Thị Bình'];

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.ward = await buildOrganization(db, { type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward });
  t.child = await buildOrganization(db, { parent: t.cell });
  for (const [index, fullName] of NAMES.entries()) {
    await buildMember(db, t.cell, { fullName, rosterNumber: index < 5 ? 5 - index : null, membershipKind: index === 6 ? 'PROBATIONARY' : 'OFFICIAL' });
  }
  // Under the cell but not of it: never in its list.
  await buildMember(db, t.child, { fullName: 'Đỗ Văn Con' });
});
afterAll(() => subgraph?.stop());

const LIST = `query ($id: ID!, $path: String!, $first: Int, $after: String, $order: OrganizationMemberOrder, $filter: OrganizationMemberFilter) {
  _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) {
    ... on Organization { memberList(first: $first, after: $after, order: $order, filter: $filter) {
      totalCount edges { cursor node { fullName rosterNumber } } pageInfo { hasNextPage endCursor } } }
  }
}`;

const officer = (role: Role, org: { id: string; path: string }): Identity => ({
  personId: '00000000-0000-4000-8000-0000000000a1',
  grants: [{ role, orgId: org.id, orgPath: org.path }],
  partner: null,
});

async function list(variables: Record<string, unknown>, caller = officer('SECRETARY', t.cell)) {
  const answer = await subgraph.call(LIST, { id: t.cell.id, path: t.cell.path, ...variables }, caller);
  return { list: answer.data?._entities[0]?.memberList, errors: answer.errors };
}
const names = (connection: { edges: { node: { fullName: string } }[] }) => connection.edges.map((edge) => edge.node.fullName);

describe('an organization’s member list', () => {
  it('comes by roster number, those without one last in Vietnamese name order, only the organization’s own members', async () => {
    const { list: page, errors } = await list({ first: 100 });
    expect(errors).toBeUndefined();
    expect(names(page)).toEqual(['Nguyễn Văn An', 'Lê Thị Dương', 'Lê Thị Đông', 'Trần Văn Hạ', 'Trần Văn Hưng Long', 'Bùi Thị Bình', 'Nguyễn Văn Ánh']);
    expect(page.totalCount).toBe(7);
  });

  it('comes by name in Vietnamese order: "Dương" before "Đông", "Hạ" before "Hưng Long", "An" before "Ánh"', async () => {
    const { list: page } = await list({ order: 'NAME', first: 100 });
    expect(names(page)).toEqual(['Bùi Thị Bình', 'Lê Thị Dương', 'Lê Thị Đông', 'Nguyễn Văn An', 'Nguyễn Văn Ánh', 'Trần Văn Hạ', 'Trần Văn Hưng Long']);
  });

  it('pages without repeating or skipping anyone, and says how many there are on every page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const { list: page } = await list({ order: 'NAME', first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...names(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual((await list({ order: 'NAME', first: 100 })).list.edges.map((edge: { node: { fullName: string } }) => edge.node.fullName));
  });

  it('filters by name without diacritics, and by kind, counting what the filter leaves', async () => {
    const byName = (await list({ filter: { query: 'le thi' }, order: 'NAME' })).list;
    expect([names(byName), byName.totalCount]).toEqual([['Lê Thị Dương', 'Lê Thị Đông'], 2]);
    const probationary = (await list({ filter: { membershipKind: 'PROBATIONARY' } })).list;
    expect(names(probationary)).toEqual(['Bùi Thị Bình']);
  });

  it('refuses a page size outside 1–100, a one-letter filter and a cursor of the other order, in Vietnamese', async () => {
    const cursor = (await list({ order: 'NAME', first: 2 })).list.pageInfo.endCursor;
    for (const variables of [{ first: 500 }, { first: 0 }, { filter: { query: 'a' } }, { after: cursor, order: 'ROSTER_NUMBER' }, { after: 'không-phải' }]) {
      const { errors } = await list(variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });

  it('is for the officers over the organization: a finance member and an administrator above read it, a member and a neighbouring secretary do not', async () => {
    expect((await list({}, officer('FINANCE_MEMBER', t.cell))).list.totalCount).toBe(7);
    expect((await list({}, officer('ADMIN', t.ward))).list.totalCount).toBe(7);
    const plain: Identity = { personId: '00000000-0000-4000-8000-0000000000a2', grants: [], partner: null };
    expect((await list({}, plain)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list({}, officer('SECRETARY', t.child))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('costs two statements a page, however long the page', async () => {
    await list({ first: 2 });
    subgraph.resetQueryCount();
    await list({ first: 2 });
    const forTwo = subgraph.queryCount();
    subgraph.resetQueryCount();
    await list({ first: 100 });
    expect([forTwo, subgraph.queryCount()]).toEqual([2, 2]);
  });
});

import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { ward: Node; cellA: Node; cellB: Node; otherWard: Node; cellC: Node };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.cellA = await buildOrganization(db, { parent: t.ward });
  t.cellB = await buildOrganization(db, { parent: t.ward });
  t.otherWard = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.cellC = await buildOrganization(db, { parent: t.otherWard });
  await buildMember(db, t.cellA, { fullName: 'Nguyễn Văn An', citizenId: '037080100001', cardNumber: 'NB.10000001' });
  await buildMember(db, t.cellA, { fullName: 'Đặng Thị Hường', gender: 'FEMALE', citizenId: '037180100002', membershipKind: 'PROBATIONARY', officialOn: null });
  await buildMember(db, t.cellB, { fullName: 'Nguyễn An Khang', citizenId: '037080100003', activityStatus: 'EXEMPT' });
  await buildMember(db, t.cellC, { fullName: 'Nguyễn Văn Ánh', citizenId: '037080100004' });
  for (let i = 0; i < 7; i++) await buildMember(db, t.cellB, { fullName: `Lê Văn Số ${i}`, citizenId: `03708020000${i}` });
});
afterAll(() => subgraph?.stop());

const SEARCH = `query ($filter: MemberFilter, $first: Int, $after: String) { members(filter: $filter, first: $first, after: $after) {
  edges { cursor node { fullName } } pageInfo { hasNextPage endCursor } } }`;
const as = (role: Role, org: Node) => personWith('00000000-0000-4000-8000-0000000000a1', role, org.path);
const names = (data: any) => data.members.edges.map((e: { node: { fullName: string } }) => e.node.fullName);
const search = async (filter: Record<string, unknown>, caller = as('SECRETARY', t.ward), first = 20) => {
  const answer = await subgraph.call(SEARCH, { filter, first }, caller);
  return { ...answer, names: answer.data ? names(answer.data) : null };
};

describe('member search', () => {
  it('finds names without diacritics, case or word order', async () => {
    expect((await search({ query: 'nguyen van an' })).names).toEqual(['Nguyễn Văn An']);
    expect((await search({ query: 'AN NGUYEN' })).names).toEqual(['Nguyễn An Khang', 'Nguyễn Văn An']);
    expect((await search({ query: 'dang huong' })).names).toEqual(['Đặng Thị Hường']);
  });

  it('finds exactly by citizen ID or card number', async () => {
    expect((await search({ query: '037080100003' })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ query: 'nb.10000001' })).names).toEqual(['Nguyễn Văn An']);
  });

  it('filters by organization subtree, status and kind', async () => {
    expect((await search({ query: 'nguyen', organizationId: t.cellA.id })).names).toEqual(['Nguyễn Văn An']);
    expect((await search({ activityStatus: ['EXEMPT'] })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ membershipKind: 'PROBATIONARY' })).names).toEqual(['Đặng Thị Hường']);
  });

  it('never reaches beyond the caller’s subtrees', async () => {
    expect((await search({ query: 'nguyen' })).names).not.toContain('Nguyễn Văn Ánh');
    expect((await search({ query: 'nguyen' }, as('SECRETARY', t.cellA))).names).toEqual(['Nguyễn Văn An']);
    expect((await search({ organizationId: t.cellC.id })).names).toEqual([]);
    expect((await search({ query: 'nguyen van anh' }, as('ADMIN', t.otherWard))).names).toEqual(['Nguyễn Văn Ánh']);
  });

  it('pages through results with no gaps or repeats, in the same number of statements per page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const statements: number[] = [];
    do {
      subgraph.resetQueryCount();
      const answer: any = await subgraph.call(SEARCH, { filter: { query: 'le van' }, first: 3, after }, as('SECRETARY', t.ward));
      statements.push(subgraph.queryCount());
      seen.push(...names(answer.data));
      after = answer.data.members.pageInfo.hasNextPage ? answer.data.members.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Lê Văn Số ${i}`));
    expect(new Set(statements.slice(1)).size).toBeLessThanOrEqual(1);
  });

  it('lets a partner with the read scope search the whole register', async () => {
    const partner = { personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000fe', scopes: ['members:read'] } };
    expect((await search({ query: 'nguyen van' }, partner)).names).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Ánh']);
  });

  it('refuses members without a role, analysts, and a finance member searching by citizen ID', async () => {
    for (const caller of [personWith('00000000-0000-4000-8000-0000000000b2'), as('ANALYST', t.ward)]) {
      expect((await search({ query: 'nguyen' }, caller)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await search({ query: 'nguyen' }, as('FINANCE_MEMBER', t.ward))).names).toHaveLength(2);
    expect((await search({ query: '037080100003' }, as('FINANCE_MEMBER', t.ward))).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('answers bad input with BAD_USER_INPUT', async () => {
    for (const variables of [{ filter: { query: 'a' } }, { first: 0 }, { first: 101 }, { after: 'not-a-cursor' }]) {
      const { errors } = await subgraph.call(SEARCH, variables, as('SECRETARY', t.ward));
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

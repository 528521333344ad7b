import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { ANONYMOUS, type Identity, type Role } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; ward: Node; cellA: Node; cellB: Node; otherWard: Node; cellC: Node; an: { id: string } };

const IN_A = ['Đặng Thị Hường', 'Nguyễn Văn An', 'Nguyễn Văn Anh'];
const IN_B = ['Lê Văn Anh', ...Array.from({ length: 7 }, (_, i) => `Lê Văn Số ${i}`), 'Nguyễn An Khang', 'Trần Thị Lan'];

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: t.province, type: 'PROVINCE_SUBORDINATE' });
  t.cellA = await buildOrganization(db, { parent: t.ward });
  t.cellB = await buildOrganization(db, { parent: t.ward });
  t.otherWard = await buildOrganization(db, { parent: t.province, type: 'PROVINCE_SUBORDINATE' });
  t.cellC = await buildOrganization(db, { parent: t.otherWard });
  t.an = await buildMember(db, t.cellA, { fullName: 'Nguyễn Văn An', citizenId: '037080100001', cardNumber: 'NB.10000001' });
  await buildMember(db, t.cellA, { fullName: 'Nguyễn Văn Anh', citizenId: '037080100005' });
  await buildMember(db, t.cellA, { fullName: 'Đặng Thị Hường', gender: 'FEMALE', citizenId: '037180100002', membershipKind: 'PROBATIONARY', officialOn: null });
  await buildMember(db, t.cellB, { fullName: 'Nguyễn An Khang', citizenId: '037080100003', activityStatus: 'EXEMPT' });
  await buildMember(db, t.cellB, { fullName: 'Lê Văn Anh', citizenId: '037080100006' });
  await buildMember(db, t.cellB, { fullName: 'Trần Thị Lan', gender: 'FEMALE', citizenId: '037180100007' });
  // Inserted out of name order, so that id order and name order differ.
  for (const i of [3, 0, 6, 1, 5, 2, 4]) await buildMember(db, t.cellB, { fullName: `Lê Văn Số ${i}`, citizenId: `03708020000${i}` });
  await buildMember(db, t.cellC, { fullName: 'Nguyễn Văn Ánh', citizenId: '037080100004', cardNumber: 'NB.10000004' });
});
afterAll(() => subgraph?.stop());

const SEARCH = `query ($filter: MemberFilter, $first: Int, $after: String) { members(filter: $filter, first: $first, after: $after) {
  edges { cursor node { fullName } } pageInfo { hasNextPage endCursor } } }`;
const CALLER = '00000000-0000-4000-8000-0000000000a1';
const as = (role: Role, org: Node) => personWith(CALLER, role, org.path);
const holding = (...grants: [Role, Node][]): Identity => ({
  personId: CALLER,
  grants: grants.map(([role, org]) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});
const partner = (scopes = ['members:read']): Identity => ({
  personId: null,
  grants: [],
  partner: { clientId: '00000000-0000-4000-8000-0000000000fe', scopes },
});
const names = (data: any): string[] => data.members.edges.map((e: { node: { fullName: string } }) => e.node.fullName);
const codes = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.map((e) => e.extensions?.code);

async function search(filter: Record<string, unknown>, caller: Identity = as('SECRETARY', t.ward), first = 50) {
  const answer = await subgraph.call(SEARCH, { filter, first }, caller);
  return { ...answer, names: answer.data?.members ? names(answer.data) : null };
}

/** Every page of a search, following endCursor, `first` at a time. */
async function allPages(filter: Record<string, unknown>, first: number, caller = as('SECRETARY', t.ward)) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const answer: any = await subgraph.call(SEARCH, { filter, first, after }, caller);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.members.edges.length).toBeLessThanOrEqual(first);
    seen.push(...names(answer.data));
    if (!answer.data.members.pageInfo.hasNextPage) return seen;
    after = answer.data.members.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('searching by name', () => {
  it('ignores diacritics and case', async () => {
    expect((await search({ query: 'nguyen van an' })).names).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect((await search({ query: 'DANG' })).names).toEqual(['Đặng Thị Hường']);
    expect((await search({ query: '  đặng   HƯỜNG ' })).names).toEqual(['Đặng Thị Hường']);
  });

  it('takes the words in any order, each as the start of a word of the name', async () => {
    expect((await search({ query: 'an nguyen' })).names).toEqual(['Nguyễn An Khang', 'Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect((await search({ query: 'ng v an' })).names).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    // "an" is inside "Văn" and "Lan", but begins no word of those names.
    expect((await search({ query: 'an' })).names).toEqual(['Nguyễn An Khang', 'Nguyễn Văn An', 'Lê Văn Anh', 'Nguyễn Văn Anh']);
  });

  it('puts the best match first, then orders by name', async () => {
    // By name alone "Lê Văn Anh" would come first; "Nguyễn Văn An" holds the words together and whole.
    expect((await search({ query: 'van an' })).names).toEqual(['Nguyễn Văn An', 'Lê Văn Anh', 'Nguyễn Văn Anh']);
  });

  it('takes LIKE wildcards literally', async () => {
    expect((await search({ query: '%%' })).names).toEqual([]);
    expect((await search({ query: 'ng_yen' })).names).toEqual([]);
  });
});

describe('searching by identifier', () => {
  it('finds exactly one citizen ID, typed with or without spaces', async () => {
    expect((await search({ query: '037080100003' })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ query: '0370 8010 0003' })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ query: '037080100009' })).names).toEqual([]);
  });

  it('finds exactly one card number, in any case', async () => {
    expect((await search({ query: 'nb.10000001' })).names).toEqual(['Nguyễn Văn An']);
    expect((await search({ query: 'NB.10000002' })).names).toEqual([]);
  });
});

describe('filters', () => {
  it('keeps an organization’s subtree, whether it has members of its own or not', async () => {
    expect((await search({ query: 'nguyen', organizationId: t.cellA.id })).names).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect((await search({ organizationId: t.ward.id })).names).toEqual([...IN_A, ...IN_B].sort(byName));
  });

  it('keeps the activity statuses and the membership kind asked for', async () => {
    expect((await search({ activityStatus: ['EXEMPT'] })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ activityStatus: ['EXEMPT', 'DECEASED'], query: 'nguyen' })).names).toEqual(['Nguyễn An Khang']);
    expect((await search({ membershipKind: 'PROBATIONARY' })).names).toEqual(['Đặng Thị Hường']);
    expect((await search({ membershipKind: 'OFFICIAL', organizationId: t.cellA.id })).names).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect((await search({ activityStatus: [] })).names).toHaveLength(IN_A.length + IN_B.length);
  });
});

describe('reach', () => {
  it('shows a cell secretary their own cell and never another', async () => {
    expect((await search({}, as('SECRETARY', t.cellA))).names).toEqual(IN_A);
    expect((await search({ query: 'nguyen an khang' }, as('SECRETARY', t.cellA))).names).toEqual([]);
    expect((await search({ query: '037080100003' }, as('SECRETARY', t.cellA))).names).toEqual([]);
    expect((await search({ organizationId: t.cellB.id }, as('DEPUTY_SECRETARY', t.cellA))).names).toEqual([]);
  });

  it('shows a commune-level grant every cell under it, and nothing beyond', async () => {
    expect((await search({})).names).toEqual([...IN_A, ...IN_B].sort(byName));
    expect((await search({ query: 'nguyen van anh' }, as('ADMIN', t.ward))).names).not.toContain('Nguyễn Văn Ánh');
    expect((await search({ query: 'nguyen van anh' }, as('ADMIN', t.otherWard))).names).toEqual(['Nguyễn Văn Ánh']);
  });

  it('gives an empty page, not an error, for an organization out of reach or unknown', async () => {
    for (const organizationId of [t.cellC.id, t.otherWard.id, '00000000-0000-4000-8000-00000000dead']) {
      const answer = await search({ organizationId });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.members).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    }
  });

  it('narrows an organization above the caller to the caller’s own subtree', async () => {
    expect((await search({ organizationId: t.province.id }, as('SECRETARY', t.cellA))).names).toEqual(IN_A);
  });

  it('joins the subtrees of several grants', async () => {
    const caller = holding(['SECRETARY', t.cellA], ['FINANCE_MEMBER', t.cellC]);
    expect(sameNameAnyOrder((await search({ query: 'nguyen van' }, caller)).names)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Nguyễn Văn Ánh']);
  });

  it('lets a partner with members:read search the whole register, and notes each record it reached', async () => {
    const answer = await search({ query: 'nguyen van' }, partner());
    expect(sameNameAnyOrder(answer.names)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Nguyễn Văn Ánh']);
    const noted = await subgraph.db.db
      .select()
      .from(tables.auditEntries)
      .where(and(eq(tables.auditEntries.action, 'member.viewedByPartner'), eq(tables.auditEntries.subjectMemberId, t.an.id)));
    expect(noted).toHaveLength(1);
  });

  it('refuses callers with no searching role: a plain member, an analyst, a partner without the scope', async () => {
    for (const caller of [personWith(CALLER), as('ANALYST', t.province), partner(['organizations:read'])]) {
      const answer = await search({ query: 'nguyen' }, caller);
      expect(codes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data).toBeNull();
    }
  });

  it('tells a caller who has not signed in so, rather than that they are forbidden', async () => {
    const answer = await search({ query: 'nguyen' }, ANONYMOUS);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.errors![0]!.message).toMatch(/chưa đăng nhập/);
  });
});

describe('a finance member', () => {
  const finance = () => as('FINANCE_MEMBER', t.ward);

  it('lists members by name, with the dues basis but without citizen IDs', async () => {
    expect((await search({ query: 'nguyen' }, finance())).names).toEqual(['Nguyễn An Khang', 'Nguyễn Văn An', 'Nguyễn Văn Anh']);
    const basis = await subgraph.call('{ members(filter: { query: "nguyen van an" }) { edges { node { fullName duesBasis } } } }', {}, finance());
    expect(basis.errors).toBeUndefined();
    expect(basis.data!.members.edges[0].node).toEqual({ fullName: 'Nguyễn Văn An', duesBasis: 8_000_000 });
    const personal = await subgraph.call('{ members(filter: { query: "nguyen van an" }) { edges { node { fullName citizenId } } } }', {}, finance());
    expect(codes(personal)).toContain('FORBIDDEN');
    expect(JSON.stringify(personal.data)).not.toContain('037080100001');
  });

  it('may not search by citizen ID', async () => {
    expect(codes(await search({ query: '037080100003' }, finance()))).toEqual(['FORBIDDEN']);
  });

  it('searches by citizen ID only where another grant allows it', async () => {
    const caller = holding(['FINANCE_MEMBER', t.ward], ['SECRETARY', t.cellA]);
    expect((await search({ query: '037080100001' }, caller)).names).toEqual(['Nguyễn Văn An']);
    expect((await search({ query: '037080100003' }, caller)).names).toEqual([]);
  });
});

describe('pages', () => {
  it('go through a listing with no gaps or repeats', async () => {
    const everyone = (await search({})).names!;
    expect(everyone).toHaveLength(IN_A.length + IN_B.length);
    for (const first of [1, 3, 4]) expect(await allPages({}, first)).toEqual(everyone);
  });

  it('go through a ranked name search with no gaps or repeats', async () => {
    const matches = (await search({ query: 'van' })).names!;
    expect(matches.length).toBeGreaterThan(5);
    for (const first of [1, 2, 5]) expect(await allPages({ query: 'van' }, first)).toEqual(matches);
  });

  it('need the same number of statements for 2 members as for 10, personal fields and access logs included', async () => {
    const DEEP = `query ($first: Int) { members(first: $first) { edges { node { fullName citizenId phone accessLog { action }
      organization { id } } } pageInfo { endCursor } } }`;
    const count = async (first: number) => {
      subgraph.resetQueryCount();
      const answer = await subgraph.call(DEEP, { first }, as('SECRETARY', t.ward));
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.members.edges).toHaveLength(first);
      return subgraph.queryCount();
    };
    await count(2);
    expect(await count(10)).toBe(await count(2));
  });
});

describe('bad input', () => {
  it('is BAD_USER_INPUT, in Vietnamese', async () => {
    const listingCursor = (await subgraph.call(SEARCH, { first: 1 }, as('SECRETARY', t.ward))).data!.members.pageInfo.endCursor;
    const cases: Record<string, unknown>[] = [
      { filter: { query: 'a' } },
      { filter: { query: '   ' } },
      { filter: { query: 'x'.repeat(101) } },
      { filter: { query: '03708010000' } },
      { filter: { query: 'a b c d e f g h i' } },
      { filter: { organizationId: 'not-an-id' } },
      { first: 0 },
      { first: 101 },
      { first: null },
      { after: 'not-a-cursor' },
      { after: '' },
      { after: Buffer.from('["x","not-an-id"]').toString('base64url') },
      // A listing's cursor does not fit a ranked name search.
      { filter: { query: 'nguyen' }, after: listingCursor },
    ];
    for (const variables of cases) {
      const answer = await subgraph.call(SEARCH, variables, as('SECRETARY', t.ward));
      expect(codes(answer), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0]!.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    }
  });
});

/** "Nguyễn Văn Anh" and "Nguyễn Văn Ánh" are the same name without diacritics: their order follows their ids. */
function sameNameAnyOrder(found: string[] | null): string[] | null {
  return found && [found[0]!, ...found.slice(1).sort()];
}

/** The order of the register: by name without diacritics (as the database's search_text gives it), then id. */
function byName(a: string, b: string): number {
  const key = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

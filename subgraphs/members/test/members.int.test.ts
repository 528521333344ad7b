import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { verifyAccessToken, type Identity, type importKey, type Role } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { SIGN_IN_LIMITS } from '../src/account/sign-in-limits.ts';

let subgraph: TestSubgraph;
let publicKey: Awaited<ReturnType<typeof importKey>>;
const fixture = {} as {
  province: { id: string; path: string };
  cell: { id: string; path: string };
  otherCell: { id: string; path: string };
  member: { id: string };
  neighbour: { id: string };
  secretary: { id: string };
};

beforeAll(async () => {
  ({ subgraph, publicKey } = await startMembersSubgraph());
  const { db } = subgraph.db;
  fixture.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  fixture.cell = await buildOrganization(db, { parent: fixture.province, name: 'Chi bộ thôn Đông' });
  fixture.otherCell = await buildOrganization(db, { parent: fixture.province, name: 'Chi bộ thôn Đoài' });
  fixture.member = await buildMember(db, fixture.cell, { fullName: 'Lê Thị Hoa', citizenId: '037180000111', residenceOrgId: fixture.otherCell.id });
  fixture.neighbour = await buildMember(db, fixture.otherCell, { fullName: 'Phạm Văn Nam' });
  fixture.secretary = await buildMember(db, fixture.cell, { fullName: 'Trần Văn Bình' });
  await grantRole(db, fixture.secretary, 'SECRETARY', fixture.cell);
  await grantRole(db, fixture.neighbour, 'SECRETARY', fixture.otherCell, { endsOn: '2021-01-01' });
  await buildAccount(db, fixture.member, 'hoa.le', 'Mat-khau-dung-1');
  await buildAccount(db, fixture.secretary, 'binh.tran', 'Mat-khau-dung-1');
  await buildAccount(db, fixture.neighbour, 'nam.pham', 'Mat-khau-dung-1');
});
afterAll(() => subgraph?.stop());

const LOGIN = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token expiresAt userErrors { code field message } } }';
const person = (id: string, grants: { role: Role; org: { id: string; path: string } }[] = []): Identity => ({
  personId: id,
  grants: grants.map(({ role, org }) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});

describe('login', () => {
  it('issues a token carrying the person and their grants in force', async () => {
    const answer = await subgraph.call(LOGIN, { u: ' Binh.Tran ', p: 'Mat-khau-dung-1' });
    const { token, userErrors } = answer.data!.login;
    expect(userErrors).toEqual([]);
    const verified = await verifyAccessToken(token, publicKey);
    expect(verified).toEqual({
      ok: true,
      identity: person(fixture.secretary.id, [{ role: 'SECRETARY', org: fixture.cell }]),
    });
  });

  it('leaves ended grants out of the token', async () => {
    const answer = await subgraph.call(LOGIN, { u: 'nam.pham', p: 'Mat-khau-dung-1' });
    const verified = await verifyAccessToken(answer.data!.login.token, publicKey);
    expect(verified.ok && verified.identity.grants).toEqual([]);
  });

  it('locks the account after repeated wrong passwords, even against the right one', async () => {
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.PASSWORD.attempts; attempt++) {
      const wrong = await subgraph.call(LOGIN, { u: 'hoa.le', p: `sai-${attempt}` });
      expect(wrong.data!.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await subgraph.call(LOGIN, { u: 'hoa.le', p: 'Mat-khau-dung-1' });
    expect(locked.data!.login).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(locked.data!.login.userErrors[0].message).toMatch(/tạm khóa/);
  });
});

describe('who may read a member', () => {
  const MEMBER = 'query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { fullName citizenId birthDate } } }';

  it('lets the member read their own personal data', async () => {
    const { data, errors } = await subgraph.call('{ me { fullName citizenId } }', {}, person(fixture.member.id));
    expect(errors).toBeUndefined();
    expect(data!.me).toEqual({ fullName: 'Lê Thị Hoa', citizenId: '037180000111' });
  });

  it('lets the secretary over the member’s cell read it, through _entities too', async () => {
    const secretary = person(fixture.secretary.id, [{ role: 'SECRETARY', org: fixture.cell }]);
    const { data, errors } = await subgraph.call(MEMBER, { id: fixture.member.id }, secretary);
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toMatchObject({ fullName: 'Lê Thị Hoa', citizenId: '037180000111' });
  });

  it('refuses another member, field by field, with FORBIDDEN', async () => {
    const { data, errors } = await subgraph.call(MEMBER, { id: fixture.member.id }, person(fixture.neighbour.id));
    expect(data!._entities).toEqual([null]);
    expect(errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('refuses a secretary of another cell', async () => {
    const outsider = person(fixture.neighbour.id, [{ role: 'SECRETARY', org: fixture.otherCell }]);
    const { data } = await subgraph.call(MEMBER, { id: fixture.member.id }, outsider);
    expect(data!._entities).toEqual([null]);
  });

  it('shows a finance member the record but not the citizen ID, which alone is null and FORBIDDEN', async () => {
    const finance = person(fixture.secretary.id, [{ role: 'FINANCE_MEMBER', org: fixture.cell }]);
    const { data, errors } = await subgraph.call(
      'query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { fullName citizenId } } }',
      { id: fixture.member.id },
      finance,
    );
    expect(data!._entities).toEqual([{ fullName: 'Lê Thị Hoa', citizenId: null }]);
    expect(errors!.find((e) => e.path?.includes('citizenId'))?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('the residence cell, which tells where the member lives', () => {
    const RESIDENCE = 'query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { residenceCell { id } } } }';

    it('is shown to the member and to the secretary over their cell', async () => {
      const own = await subgraph.call('{ me { residenceCell { id } } }', {}, person(fixture.member.id));
      expect(own.data!.me).toEqual({ residenceCell: { id: fixture.otherCell.id } });
      const secretary = person(fixture.secretary.id, [{ role: 'SECRETARY', org: fixture.cell }]);
      const read = await subgraph.call(RESIDENCE, { id: fixture.member.id }, secretary);
      expect(read.data!._entities).toEqual([{ residenceCell: { id: fixture.otherCell.id } }]);
    });

    it('is null for a member not yet introduced to a residence cell', async () => {
      const { data } = await subgraph.call('{ me { residenceCell { id } } }', {}, person(fixture.secretary.id));
      expect(data!.me).toEqual({ residenceCell: null });
    });

    it('is refused, like the address, to a finance member and to a partner system', async () => {
      const finance = person(fixture.secretary.id, [{ role: 'FINANCE_MEMBER', org: fixture.cell }]);
      const partner: Identity = { personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-000000000001', scopes: ['members:read'] } };
      for (const caller of [finance, partner]) {
        const { data, errors } = await subgraph.call(RESIDENCE, { id: fixture.member.id }, caller);
        expect(data!._entities).toEqual([{ residenceCell: null }]);
        expect(errors!.find((e) => e.path?.includes('residenceCell'))?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});

describe('Organization.members', () => {
  const MEMBERS = 'query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) { ... on Organization { members { fullName } officers { role fullName } } } }';

  it('lists a cell’s members for its secretary with the same SQL however many members it has', async () => {
    const secretary = person(fixture.secretary.id, [{ role: 'SECRETARY', org: fixture.province }]);
    const variables = { id: fixture.otherCell.id, path: fixture.otherCell.path };
    // A new pooled connection first asks PostgreSQL for its types: warm the pool before counting.
    await subgraph.call(MEMBERS, variables, secretary);
    subgraph.resetQueryCount();
    const first = await subgraph.call(MEMBERS, variables, secretary);
    const statementsForOne = subgraph.queryCount();
    expect(first.data!._entities[0].members).toEqual([{ fullName: 'Phạm Văn Nam' }]);
    for (let i = 0; i < 5; i++) await buildMember(subgraph.db.db, fixture.otherCell);
    subgraph.resetQueryCount();
    const second = await subgraph.call(MEMBERS, variables, secretary);
    expect(second.data!._entities[0].members).toHaveLength(6);
    expect(subgraph.queryCount()).toBe(statementsForOne);
    // One statement for the members, one for the officers.
    expect(statementsForOne).toBe(2);
  });

  it('shows the cell’s current officers by name', async () => {
    const secretary = person(fixture.secretary.id, [{ role: 'SECRETARY', org: fixture.cell }]);
    const { data, errors } = await subgraph.call(MEMBERS, { id: fixture.cell.id, path: fixture.cell.path }, secretary);
    expect(errors).toBeUndefined();
    expect(data!._entities[0].members.map((m: { fullName: string }) => m.fullName).sort()).toEqual(['Lê Thị Hoa', 'Trần Văn Bình']);
    expect(data!._entities[0].officers).toEqual([{ role: 'SECRETARY', fullName: 'Trần Văn Bình' }]);
  });

  it('refuses the list to a member without a role', async () => {
    const { errors } = await subgraph.call(MEMBERS, { id: fixture.cell.id, path: fixture.cell.path }, person(fixture.member.id));
    expect(errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});

describe('Organization.memberStatistics', () => {
  const STATISTICS = `query ($a: ID!, $aPath: String!, $b: ID!, $bPath: String!) { _entities(representations: [
    { __typename: "Organization", id: $a, path: $aPath }, { __typename: "Organization", id: $b, path: $bPath }
  ]) { ... on Organization { memberStatistics { total official probationary ended byStatus { status count } } } } }`;
  const both = () => ({ a: fixture.province.id, aPath: fixture.province.path, b: fixture.cell.id, bPath: fixture.cell.path });

  it('counts a subtree’s members for an analyst over it, for several organizations in one statement', async () => {
    const analyst = person(fixture.neighbour.id, [{ role: 'ANALYST', org: fixture.province }]);
    await subgraph.call(STATISTICS, both(), analyst);
    subgraph.resetQueryCount();
    const { data, errors } = await subgraph.call(STATISTICS, both(), analyst);
    expect(errors).toBeUndefined();
    expect(subgraph.queryCount()).toBe(1);
    const [province, cell] = data!._entities.map((entity: { memberStatistics: unknown }) => entity.memberStatistics);
    const total = (await subgraph.db.db.select().from(tables.members)).length;
    expect(province).toEqual({ total, official: total, probationary: 0, ended: 0, byStatus: [{ status: 'ACTIVE', count: total }] });
    expect(cell).toEqual({ total: 2, official: 2, probationary: 0, ended: 0, byStatus: [{ status: 'ACTIVE', count: 2 }] });
  });

  it('names no one to the analyst, and is refused outside the analyst’s subtree', async () => {
    const analyst = person(fixture.neighbour.id, [{ role: 'ANALYST', org: fixture.otherCell }]);
    const statistics = await subgraph.call(STATISTICS, both(), analyst);
    expect(statistics.data!._entities).toEqual([null, null]);
    expect(statistics.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const list = await subgraph.call(
      'query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) { ... on Organization { members { fullName } } } }',
      { id: fixture.otherCell.id, path: fixture.otherCell.path },
      analyst,
    );
    expect(list.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('is refused to a member without a role', async () => {
    const { errors } = await subgraph.call(STATISTICS, both(), person(fixture.member.id));
    expect(errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});

import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; ward: Node; cell: Node; member: { id: string } };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  t.ward = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông' });
  t.member = await buildMember(db, t.cell, { fullName: 'Vũ Thị Lan' });
  await grantRole(db, t.member, 'FINANCE_MEMBER', t.cell);
});
afterAll(() => subgraph?.stop());

const wardAdmin = () => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path);
const finance = () => personWith('00000000-0000-4000-8000-0000000000a2', 'FINANCE_MEMBER', t.cell.path);
const VIEWER = '{ viewerCan { searchMembers homeOrganizations { id } } }';

describe('what the viewer may do anywhere', () => {
  it('offers the register search to officers and opens each role where its work is', async () => {
    const admin = await subgraph.call(VIEWER, {}, wardAdmin());
    expect(admin.data!.viewerCan).toEqual({ searchMembers: true, homeOrganizations: [{ id: t.ward.id }] });
  });

  it('offers a plain member no search and no home but their own', async () => {
    const plain = await subgraph.call(VIEWER, {}, personWith(t.member.id));
    expect(plain.data!.viewerCan).toEqual({ searchMembers: false, homeOrganizations: [] });
  });
});

describe('a role grant', () => {
  it('can be ended by the administrator over it, and not by the finance member who holds it', async () => {
    const GRANTS = 'query ($id: ID!) { member(id: $id) { roleGrants { role viewerCan { end } } } }';
    expect((await subgraph.call(GRANTS, { id: t.member.id }, wardAdmin())).data!.member.roleGrants).toEqual([{ role: 'FINANCE_MEMBER', viewerCan: { end: true } }]);
    expect((await subgraph.call(GRANTS, { id: t.member.id }, personWith(t.member.id))).data!.member.roleGrants).toEqual([{ role: 'FINANCE_MEMBER', viewerCan: { end: false } }]);
  });
});

describe('a record read by someone who may not see its personal fields', () => {
  it('still answers the rest, with the personal field null and FORBIDDEN at its path', async () => {
    const { data, errors } = await subgraph.call('query ($id: ID!) { member(id: $id) { fullName citizenId } }', { id: t.member.id }, finance());
    expect(data!.member).toEqual({ fullName: 'Vũ Thị Lan', citizenId: null });
    expect(errors).toEqual([expect.objectContaining({ path: ['member', 'citizenId'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });
});

describe('a member outside the caller’s reach', () => {
  it('is answered as one that does not exist, even for its id alone', async () => {
    const outsider = personWith('00000000-0000-4000-8000-0000000000b9', 'SECRETARY', '/00000000-0000-4000-8000-0000000000ee/');
    const MEMBER = 'query ($id: ID!) { member(id: $id) { id } }';
    const out = await subgraph.call(MEMBER, { id: t.member.id }, outsider);
    const unknown = await subgraph.call(MEMBER, { id: '00000000-0000-4000-8000-00000000dead' }, outsider);
    expect(out).toEqual(unknown);
    expect(out.data).toEqual({ member: null });
  });
});

describe('an organization’s officers', () => {
  const OFFICERS = 'query ($id: ID!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) { ... on Organization { officers { role fullName } } } }';
  const ask = (org: { id: string; path: string }, identity: Parameters<TestSubgraph['call']>[2]) =>
    subgraph.call(OFFICERS.replace('$path', JSON.stringify(org.path)), { id: org.id }, identity);

  it('are named to the organization’s own members and to those under it, and to officers over it', async () => {
    const expected = [{ role: 'FINANCE_MEMBER', fullName: 'Vũ Thị Lan' }];
    expect((await ask(t.cell, personWith(t.member.id))).data!._entities[0].officers).toEqual(expected);
    expect((await ask(t.cell, wardAdmin())).data!._entities[0].officers).toEqual(expected);
  });

  it('are not named to a member elsewhere in the tree', async () => {
    const { db } = subgraph.db;
    const elsewhere = await buildOrganization(db, { parent: t.province, name: 'Chi bộ thôn Tây' });
    const stranger = await buildMember(db, elsewhere, { fullName: 'Đào Văn Khánh' });
    const answer = await ask(t.cell, personWith(stranger.id));
    expect(answer.errors!.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

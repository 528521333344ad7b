import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/** Organization.temporaryMembers: the host's list of members active there temporarily (docs/rules/member-register.md#temporary-host). */
let subgraph: TestSubgraph;
type Org = { id: string; path: string };
const t = {} as { ward: Org; host: Org; home: Org; other: Org; hostedId: string };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.ward = await buildOrganization(db, { type: 'PROVINCE_SUBORDINATE' });
  t.host = await buildOrganization(db, { parent: t.ward });
  t.home = await buildOrganization(db, { parent: t.ward });
  t.other = await buildOrganization(db, { type: 'PROVINCE_SUBORDINATE' });
  await buildMember(db, t.host, { fullName: 'Phạm Văn Chủ' });
  const later = await buildMember(db, t.home, { fullName: 'Lê Thị Đông', temporaryHostOrgId: t.host.id, temporaryHostUntil: '2027-06-30', activityStatus: 'TEMP_AWAY' });
  t.hostedId = later.id;
  await buildMember(db, t.home, { fullName: 'Nguyễn Văn An', temporaryHostOrgId: t.host.id, temporaryHostUntil: '2027-03-31', activityStatus: 'TEMP_AWAY' });
  // Hosted elsewhere: never in this host's list.
  await buildMember(db, t.home, { fullName: 'Trần Văn Khác', temporaryHostOrgId: t.other.id, temporaryHostUntil: '2027-01-31', activityStatus: 'TEMP_AWAY' });
});
afterAll(() => subgraph?.stop());

const TEMPORARY = `query ($id: ID!, $path: String!) {
  _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) {
    ... on Organization { temporaryMembers { fullName until homeOrganization { id } } memberList { totalCount } }
  }
}`;

const officer = (role: Role, org: Org, personId = '00000000-0000-4000-8000-0000000000a1'): Identity => ({
  personId,
  grants: [{ role, orgId: org.id, orgPath: org.path }],
  partner: null,
});

const ask = async (caller: Identity, org = t.host) => {
  const answer = await subgraph.call(TEMPORARY, { id: org.id, path: org.path }, caller);
  return { organization: answer.data?._entities[0], errors: answer.errors };
};

describe('the members a host organization holds temporarily', () => {
  it('lists them by planned end with their home organization, apart from its own members, who alone are counted', async () => {
    const { organization, errors } = await ask(officer('SECRETARY', t.host));
    expect(errors).toBeUndefined();
    expect(organization.temporaryMembers).toEqual([
      { fullName: 'Nguyễn Văn An', until: '2027-03-31', homeOrganization: { id: t.home.id } },
      { fullName: 'Lê Thị Đông', until: '2027-06-30', homeOrganization: { id: t.home.id } },
    ]);
    expect(organization.memberList.totalCount).toBe(1);
  });

  it.each<[string, Role, 'host' | 'ward']>([
    ['the host’s deputy secretary', 'DEPUTY_SECRETARY', 'host'],
    ['the host’s finance member', 'FINANCE_MEMBER', 'host'],
    ['the host’s administrator', 'ADMIN', 'host'],
    ['the secretary of the committee over the host', 'SECRETARY', 'ward'],
  ])('is read by %s', async (_, role, where) => {
    const { organization, errors } = await ask(officer(role, t[where]));
    expect(errors).toBeUndefined();
    expect(organization.temporaryMembers).toHaveLength(2);
  });

  // Built when each test runs: the organizations exist only after beforeAll.
  it.each<[string, () => Identity]>([
    ['the home organization’s secretary, outside the host', () => officer('SECRETARY', t.home)],
    ['a secretary of another province-level organization', () => officer('SECRETARY', t.other)],
    ['an analyst over the host', () => officer('ANALYST', t.ward)],
    ['the host’s own member, holding no role', () => ({ personId: '00000000-0000-4000-8000-0000000000a2', grants: [], partner: null })],
  ])('is refused to %s', async (_, caller) => {
    const { organization, errors } = await ask(caller());
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(organization?.temporaryMembers ?? null).toBeNull();
  });

  it('is refused to the hosted member themselves, who reads their host on their own record instead', async () => {
    const { errors } = await ask({ personId: t.hostedId, grants: [], partner: null });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is empty for an organization that hosts no one', async () => {
    const { organization } = await ask(officer('SECRETARY', t.home), t.home);
    expect(organization.temporaryMembers).toEqual([]);
  });
});

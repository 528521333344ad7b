import { buildOrganization } from '@dangvu/drizzle/testing';
import { ANONYMOUS, type Identity } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationRepository } from '../src/organization/organization.repository.ts';
import { organizationSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
let province: { id: string; path: string };
const member: Identity = { personId: '00000000-0000-4000-8000-000000000001', grants: [], partner: null };

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', organizationSubgraph);
  const { db } = subgraph.db;
  province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  const ward = await buildOrganization(db, { parent: province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  for (const name of ['Chi bộ tổ dân phố Đông', 'Chi bộ tổ dân phố Bắc', 'Chi bộ Quân sự phường Hoa Lư']) {
    await buildOrganization(db, { parent: ward, name, inRolloutScope: !name.includes('Quân sự') });
  }
});
afterAll(() => subgraph?.stop());

const TREE = 'query ($id: ID!) { organization(id: $id) { name type children { name inRolloutScope parent { name } children { name } } } }';

describe('the organization tree', () => {
  it('shows an organization with its children, their parent and the roll-out flag', async () => {
    const { data, errors } = await subgraph.call(TREE, { id: province.id }, member);
    expect(errors).toBeUndefined();
    expect(data!.organization).toEqual({
      name: 'Đảng bộ tỉnh Ninh Bình',
      type: 'PROVINCIAL',
      children: [
        {
          name: 'Đảng bộ phường Hoa Lư',
          inRolloutScope: true,
          parent: { name: 'Đảng bộ tỉnh Ninh Bình' },
          // The ward's military cell is kept out of the roll-out: not for a member's eyes.
          children: [{ name: 'Chi bộ tổ dân phố Bắc' }, { name: 'Chi bộ tổ dân phố Đông' }],
        },
      ],
    });
  });

  it('shows an organization kept out of the roll-out only to the officers over it', async () => {
    const wardAdmin: Identity = { personId: '00000000-0000-4000-8000-000000000002', grants: [{ role: 'ADMIN', orgId: 'w', orgPath: province.path }], partner: null };
    const partner: Identity = { personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000ff', scopes: ['organizations:read'] } };
    const names = async (caller: Identity) =>
      (await subgraph.call(TREE, { id: province.id }, caller)).data!.organization.children[0].children.map((child: { name: string }) => child.name);
    expect(await names(wardAdmin)).toContain('Chi bộ Quân sự phường Hoa Lư');
    expect(await names(partner)).not.toContain('Chi bộ Quân sự phường Hoa Lư');
  });

  it('lists children in Vietnamese order, "Đ" after "D" and before "G", today and as of a past day', async () => {
    const { db } = subgraph.db;
    const district = await buildOrganization(db, { parent: province, name: 'Đảng bộ huyện Thử', type: 'PROVINCE_SUBORDINATE' });
    for (const name of ['Đảng bộ xã Gia Lâm', 'Đảng bộ xã Đông Hải', 'Đảng bộ xã Dương Nội', 'Đảng bộ xã Zang']) {
      await buildOrganization(db, { parent: district, name, type: 'GRASSROOTS_COMMITTEE' });
    }
    const inOrder = ['Đảng bộ xã Dương Nội', 'Đảng bộ xã Đông Hải', 'Đảng bộ xã Gia Lâm', 'Đảng bộ xã Zang'];
    const repository = organizationRepository(db);
    expect((await repository.childrenOf([district.id])).map((row) => row.name)).toEqual(inOrder);
    await repository.recordVersions(district.path, '2026-01-01', { subtree: true });
    expect((await repository.childVersionsOn([district.id], '2026-06-01')).map((row) => row.name)).toEqual(inOrder);

    const names = async (asOf?: string) => {
      const { data, errors } = await subgraph.call('query ($id: ID!, $asOf: Date) { organization(id: $id, asOf: $asOf) { children { name } } }', { id: district.id, asOf }, member);
      expect(errors).toBeUndefined();
      return data!.organization.children.map((child: { name: string }) => child.name);
    };
    expect(await names()).toEqual(inOrder);
    expect(await names('2026-06-01')).toEqual(inOrder);
  });

  it('loads each level of the tree in one statement, not one per organization', async () => {
    await subgraph.call(TREE, { id: province.id }, member);
    subgraph.resetQueryCount();
    await subgraph.call(TREE, { id: province.id }, member);
    // The organization, its children, their children; the parents come from the same request's loader.
    expect(subgraph.queryCount()).toBe(3);
  });

  it('answers null for an unknown id', async () => {
    const { data, errors } = await subgraph.call(TREE, { id: '00000000-0000-4000-8000-00000000ffff' }, member);
    expect(errors).toBeUndefined();
    expect(data!.organization).toBeNull();
  });

  it('is read by a partner system only with the organizations:read scope', async () => {
    const partner = (scopes: string[]): Identity => ({ personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000fe', scopes } });
    const granted = await subgraph.call('query ($id: ID!) { organization(id: $id) { name } }', { id: province.id }, partner(['organizations:read']));
    expect(granted.data!.organization).toEqual({ name: 'Đảng bộ tỉnh Ninh Bình' });
    const other = await subgraph.call('query ($id: ID!) { organization(id: $id) { name } }', { id: province.id }, partner(['members:read']));
    expect(other.data!.organization).toBeNull();
    expect(other.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const { data, errors } = await subgraph.call(TREE, { id: province.id }, ANONYMOUS);
    expect(data!.organization).toBeNull();
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a malformed id with BAD_USER_INPUT, not a server error', async () => {
    const { errors } = await subgraph.call(TREE, { id: 'không-phải-uuid' }, member);
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

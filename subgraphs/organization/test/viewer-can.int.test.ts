import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSubgraph } from '../src/server.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let province: Node;
let ward: Node;
let otherWard: Node;
let cell: Node;

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', organizationSubgraph);
  const { db } = subgraph.db;
  province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  ward = await buildOrganization(db, { parent: province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  otherWard = await buildOrganization(db, { parent: province, name: 'Đảng bộ phường Tam Điệp', type: 'PROVINCE_SUBORDINATE' });
  cell = await buildOrganization(db, { parent: ward, name: 'Chi bộ tổ dân phố Đông' });
  for (const org of (await db.select().from(tables.organizations))) {
    await db.insert(tables.organizationVersions).values({ orgId: org.id, name: org.name, type: org.type, parentId: org.parentId, path: org.path, validFrom: '2025-07-01' });
  }
});
afterAll(() => subgraph?.stop());

const as = (role: Role, org: Node) => personWith('00000000-0000-4000-8000-0000000000b2', role, org.path);
const VIEWER_CAN = 'query ($id: ID!, $asOf: Date) { organization(id: $id, asOf: $asOf) { viewerCan { shapeTree setDuesAccount setRolloutScope } } }';
const viewerCan = async (identity: Identity, asOf?: string) => {
  const { data, errors } = await subgraph.call(VIEWER_CAN, { id: cell.id, asOf }, identity);
  expect(errors).toBeUndefined();
  return data!.organization.viewerCan;
};

describe('Organization.viewerCan on a cell', () => {
  it.each([
    ['the ward’s administrator', () => as('ADMIN', ward), { shapeTree: true, setDuesAccount: false, setRolloutScope: true }],
    ['another ward’s secretary', () => as('SECRETARY', otherWard), { shapeTree: false, setDuesAccount: false, setRolloutScope: false }],
    ['the cell’s secretary', () => as('SECRETARY', cell), { shapeTree: false, setDuesAccount: true, setRolloutScope: false }],
    ['a member without a role', () => personWith('00000000-0000-4000-8000-0000000000c3'), { shapeTree: false, setDuesAccount: false, setRolloutScope: false }],
    [
      'a partner system',
      (): Identity => ({ personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000fe', scopes: ['organizations:read'] } }),
      { shapeTree: false, setDuesAccount: false, setRolloutScope: false },
    ],
  ])('answers for %s what the mutations would decide', async (_who, caller, expected) => {
    expect(await viewerCan(caller())).toEqual(expected);
  });

  it('answers about the cell where it stands today when the tree is read as it was', async () => {
    const MOVE = 'mutation ($input: MoveOrganizationInput!) { moveOrganization(input: $input) { userErrors { code } } }';
    const moved = await subgraph.call(MOVE, { input: { id: cell.id, newParentId: otherWard.id } }, as('ADMIN', province));
    expect(moved.data!.moveOrganization.userErrors).toEqual([]);
    // Before the move the cell sat under Hoa Lư; only Tam Điệp now decides about it.
    expect((await viewerCan(as('ADMIN', ward), '2025-08-01')).shapeTree).toBe(false);
    expect((await viewerCan(as('ADMIN', otherWard), '2025-08-01')).shapeTree).toBe(true);
  });

  it('resolves the type from its key alone, for the other subgraphs that add their own answers', async () => {
    const { data, errors } = await subgraph.call(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrganizationViewerCan { shapeTree setRolloutScope } } }',
      { r: [{ __typename: 'OrganizationViewerCan', path: `${ward.path}00000000-0000-4000-8000-0000000000d4/` }] },
      as('SECRETARY', ward),
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([{ shapeTree: true, setRolloutScope: true }]);
  });
});

import { fakeStore, type Identity, type Role } from '@dangvu/subgraph-kit';
import { personWith } from '@dangvu/subgraph-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeTree, type FakeTree } from '../testing/fake-repositories.ts';
import type { OrganizationRow } from './organization.repository.ts';
import { organizationService } from './organization.service.ts';

const TODAY = '2026-03-15';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let tree: FakeTree;
let org: Record<'province' | 'hoaLu' | 'tamDiep' | 'enterprise' | 'workshop' | 'dong', OrganizationRow>;

beforeEach(() => {
  tree = fakeTree();
  const province = tree.add({ id: uuid(1), type: 'PROVINCIAL', name: 'Đảng bộ tỉnh Ninh Bình' });
  const hoaLu = tree.add({ id: uuid(2), type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ phường Hoa Lư', parent: province });
  const tamDiep = tree.add({ id: uuid(3), type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ phường Tam Điệp', parent: province });
  const enterprise = tree.add({ id: uuid(4), type: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Công ty Dệt may', parent: hoaLu });
  const workshop = tree.add({ id: uuid(5), type: 'SUBORDINATE_CELL', name: 'Chi bộ Phân xưởng May', parent: enterprise });
  const dong = tree.add({ id: uuid(6), type: 'GRASSROOTS_CELL', name: 'Chi bộ tổ dân phố Đông', parent: hoaLu });
  org = { province, hoaLu, tamDiep, enterprise, workshop, dong };
});

const as = (role: Role, at: OrganizationRow) => personWith(uuid(90), role, at.path);
const service = (identity: Identity) => organizationService(fakeStore(tree.repos), { identity, requestId: 'req-1' }, () => TODAY);
const move = (identity: Identity, id: string, newParentId: string, effectiveOn?: string) => service(identity).move({ id, newParentId, effectiveOn });
const pathOf = (row: OrganizationRow) => tree.organizations.get(row.id)!.path;
const currentVersion = (row: OrganizationRow) => tree.versions.find((v) => v.orgId === row.id && v.validTo === null);

/** The tree, its history, the audit trail and the outbox, to show that a refusal changed none of them. */
const snapshot = () => JSON.stringify([[...tree.organizations], tree.versions, tree.audit, tree.events]);
const expectUnchanged = (before: string) => expect(snapshot()).toBe(before);

describe('moving an organization', () => {
  it('moves it with its whole subtree, keeps the old place in history from the effective day, audits and announces it', async () => {
    const { organization, userErrors } = await move(as('ADMIN', org.province), org.enterprise.id, org.tamDiep.id, '2026-01-01');
    expect(userErrors).toEqual([]);
    expect(organization).toMatchObject({ parentId: org.tamDiep.id, path: `${org.tamDiep.path}${org.enterprise.id}/`, version: 2 });
    expect(pathOf(org.workshop)).toBe(`${org.tamDiep.path}${org.enterprise.id}/${org.workshop.id}/`);
    for (const row of [org.enterprise, org.workshop]) {
      expect(tree.versions.filter((v) => v.orgId === row.id).map((v) => [v.path, v.validFrom, v.validTo])).toEqual([
        [row.path, '2025-07-01', '2026-01-01'],
        [pathOf(row), '2026-01-01', null],
      ]);
    }
    expect(tree.audit).toEqual([
      expect.objectContaining({
        action: 'organization.moved',
        actorId: uuid(90),
        requestId: 'req-1',
        entityId: org.enterprise.id,
        before: expect.objectContaining({ parentId: org.hoaLu.id }),
        after: expect.objectContaining({ parentId: org.tamDiep.id }),
      }),
    ]);
    expect(tree.events).toEqual([
      { topic: 'organization.moved', aggregateId: org.enterprise.id, payload: { orgId: org.enterprise.id, oldPath: org.enterprise.path, newPath: pathOf(org.enterprise) } },
    ]);
  });

  it('takes effect today when no day is given', async () => {
    await move(as('ADMIN', org.province), org.enterprise.id, org.tamDiep.id);
    expect(currentVersion(org.enterprise)?.validFrom).toBe(TODAY);
  });

  it.each([
    ['an administrator of the ward it leaves only', () => as('ADMIN', org.hoaLu)],
    ['a secretary of the ward it goes to only', () => as('SECRETARY', org.tamDiep)],
    ['its own secretary', () => as('SECRETARY', org.enterprise)],
    ['a finance member of the province', () => as('FINANCE_MEMBER', org.province)],
    ['a member without a role', () => personWith(uuid(91))],
  ])('refuses %s with FORBIDDEN and changes nothing', async (_who, caller) => {
    const before = snapshot();
    await expect(move(caller(), org.enterprise.id, org.tamDiep.id)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expectUnchanged(before);
  });

  it('lets the ward’s administrator move a cell between two committees of the ward', async () => {
    const school = tree.add({ id: uuid(7), type: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Trường THPT Hoa Lư', parent: org.hoaLu });
    const { organization, userErrors } = await move(as('ADMIN', org.hoaLu), org.workshop.id, school.id);
    expect(userErrors).toEqual([]);
    expect(organization?.path).toBe(`${school.path}${org.workshop.id}/`);
  });

  it.each([
    ['under itself', () => [org.hoaLu.id, org.hoaLu.id], 'MOVE_INTO_OWN_SUBTREE', 'newParentId'],
    ['under an organization below it', () => [org.hoaLu.id, org.enterprise.id], 'MOVE_INTO_OWN_SUBTREE', 'newParentId'],
    ['under a cell', () => [org.enterprise.id, org.dong.id], 'CELL_HAS_NO_CHILDREN', 'newParentId'],
    ['a grassroots cell under a grassroots committee (the kind would have to change)', () => [org.dong.id, org.enterprise.id], 'INVALID_PARENT_TYPE', 'newParentId'],
  ])('refuses a move %s with a userError and changes nothing', async (_what, ids, code, field) => {
    const before = snapshot();
    const [id, newParentId] = ids();
    const { organization, userErrors } = await move(as('ADMIN', org.province), id!, newParentId!);
    expect(organization).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code, field, message: expect.stringMatching(/\p{L}/u) })]);
    expectUnchanged(before);
  });

  it('refuses to move a dissolved organization, or under one', async () => {
    const closed = tree.add({ id: uuid(7), type: 'GRASSROOTS_CELL', parent: org.hoaLu, dissolvedOn: '2026-02-01' });
    const closedWard = tree.add({ id: uuid(8), type: 'PROVINCE_SUBORDINATE', parent: org.province, dissolvedOn: '2026-02-01' });
    const admin = as('ADMIN', org.province);
    expect((await move(admin, closed.id, org.tamDiep.id)).userErrors.map((e) => e.code)).toEqual(['ALREADY_DISSOLVED']);
    expect((await move(admin, org.dong.id, closedWard.id)).userErrors.map((e) => e.code)).toEqual(['PARENT_DISSOLVED']);
  });

  it.each([
    ['in the future', '2026-03-16', 'EFFECTIVE_DATE_IN_FUTURE'],
    ['before its current place began', '2025-06-30', 'EFFECTIVE_DATE_TOO_EARLY'],
  ])('refuses an effective day %s and changes nothing', async (_when, day, code) => {
    const before = snapshot();
    const { userErrors } = await move(as('ADMIN', org.province), org.enterprise.id, org.tamDiep.id, day);
    expect(userErrors).toEqual([expect.objectContaining({ code, field: 'effectiveOn' })]);
    expectUnchanged(before);
  });

  it('answers an unknown organization with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const admin = as('ADMIN', org.province);
    await expect(move(admin, uuid(999), org.tamDiep.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(move(admin, org.enterprise.id, uuid(999))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(move(admin, 'x', org.tamDiep.id)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('creating, renaming and dissolving', () => {
  it('creates under a parent the caller reaches, with its first version today', async () => {
    const { organization } = await service(as('SECRETARY', org.hoaLu)).create({ parentId: org.hoaLu.id, code: ' NB.9 ', name: 'Chi bộ tổ dân phố Bắc', type: 'GRASSROOTS_CELL' });
    expect(organization).toMatchObject({ code: 'NB.9', path: `${org.hoaLu.path}${organization!.id}/`, inRolloutScope: true });
    expect(currentVersion(organization!)).toMatchObject({ validFrom: TODAY, name: 'Chi bộ tổ dân phố Bắc' });
    expect(tree.audit.map((entry) => entry.action)).toEqual(['organization.created']);
    expect(tree.events).toEqual([{ topic: 'organization.typed', aggregateId: organization!.id, payload: { orgId: organization!.id, path: organization!.path, type: 'GRASSROOTS_CELL' } }]);
  });

  it('refuses a cell’s secretary renaming their own cell: the ward’s secretary decides', async () => {
    await expect(service(as('SECRETARY', org.dong)).rename({ id: org.dong.id, name: 'Chi bộ Đông Mới' })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const { organization } = await service(as('SECRETARY', org.hoaLu)).rename({ id: org.dong.id, name: 'Chi bộ Đông Mới' });
    expect(organization?.name).toBe('Chi bộ Đông Mới');
  });

  it('dissolves only an organization with no members and no organizations under it', async () => {
    const admin = service(as('ADMIN', org.province));
    tree.memberCounts.set(org.dong.id, 27);
    expect((await admin.dissolve({ id: org.dong.id })).userErrors.map((e) => e.code)).toEqual(['HAS_MEMBERS']);
    expect((await admin.dissolve({ id: org.enterprise.id })).userErrors.map((e) => e.code)).toEqual(['HAS_CHILDREN']);
    const { organization } = await admin.dissolve({ id: org.workshop.id });
    expect(organization?.dissolvedOn).toBe(TODAY);
    expect(currentVersion(org.workshop)).toBeUndefined();
  });
});

import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { drainOutbox, publish } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { organizationTypedConsumer } from '../src/organization/organization-typed.consumer.ts';
import { organizationMovedConsumer } from '../src/organization/organization-moved.consumer.ts';

let subgraph: TestSubgraph;
beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
});
afterAll(() => subgraph?.stop());

describe('when an organization moves', () => {
  it('moves the paths of its members and role grants, and of nothing else, once', async () => {
    const { db } = subgraph.db;
    const province = await buildOrganization(db);
    const oldWard = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
    const newWard = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
    const committee = await buildOrganization(db, { parent: oldWard, type: 'GRASSROOTS_COMMITTEE' });
    const cell = await buildOrganization(db, { parent: committee, type: 'SUBORDINATE_CELL' });
    const stays = await buildOrganization(db, { parent: oldWard });
    const inCell = await buildMember(db, cell);
    const elsewhere = await buildMember(db, stays);
    await grantRole(db, inCell, 'SECRETARY', cell);

    const newPath = `${newWard.path}${committee.id}/`;
    await db.transaction((tx) => publish(tx, 'organization.moved', committee.id, { orgId: committee.id, oldPath: committee.path, newPath }));
    expect(await drainOutbox(db, organizationMovedConsumer)).toBe(1);
    expect(await drainOutbox(db, organizationMovedConsumer)).toBe(0);

    const pathOf = async (id: string) => (await db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!.orgPath;
    expect(await pathOf(inCell.id)).toBe(`${newPath}${cell.id}/`);
    expect(await pathOf(elsewhere.id)).toBe(stays.path);
    const [grant] = await db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, inCell.id));
    expect(grant!.orgPath).toBe(`${newPath}${cell.id}/`);
  });
});

describe('when an organization is created or reclassified', () => {
  it('keeps the register’s copy of its kind, by which the keeper of a dossier is found; the same event twice changes nothing', async () => {
    const { db } = subgraph.db;
    const province = await buildOrganization(db);
    const cell = await buildOrganization(db, { parent: province, type: 'GRASSROOTS_CELL' });
    const event = { orgId: cell.id, path: cell.path, type: 'GRASSROOTS_COMMITTEE' };
    await db.transaction((tx) => publish(tx, 'organization.typed', cell.id, event));
    await db.transaction((tx) => publish(tx, 'organization.typed', cell.id, event));
    expect(await drainOutbox(db, organizationTypedConsumer)).toBe(2);
    expect(await db.select().from(tables.organizationKinds).where(eq(tables.organizationKinds.orgId, cell.id))).toEqual([
      { orgId: cell.id, orgPath: cell.path, type: 'GRASSROOTS_COMMITTEE', administrativeUnitCode: null },
    ]);
  });

  it('keeps the administrative unit a commune committee serves, by which residence comments are routed', async () => {
    const { db } = subgraph.db;
    const province = await buildOrganization(db);
    const ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
    await db.transaction((tx) => publish(tx, 'organization.typed', ward.id, { orgId: ward.id, path: ward.path, type: 'PROVINCE_SUBORDINATE', administrativeUnitCode: '14329' }));
    expect(await drainOutbox(db, organizationTypedConsumer)).toBe(1);
    expect((await db.select().from(tables.organizationKinds).where(eq(tables.organizationKinds.orgId, ward.id)))[0]).toMatchObject({ administrativeUnitCode: '14329' });
    await db.transaction((tx) => publish(tx, 'organization.typed', ward.id, { orgId: ward.id, path: ward.path, type: 'PROVINCE_SUBORDINATE', administrativeUnitCode: null }));
    expect(await drainOutbox(db, organizationTypedConsumer)).toBe(1);
    expect((await db.select().from(tables.organizationKinds).where(eq(tables.organizationKinds.orgId, ward.id)))[0]).toMatchObject({ administrativeUnitCode: null });
  });
});

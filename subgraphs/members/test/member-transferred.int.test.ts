import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { drainOutbox, publish } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { memberTransferredConsumer } from '../src/member/member-transferred.consumer.ts';

let subgraph: TestSubgraph;
beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
});
afterAll(() => subgraph?.stop());

describe('when a member’s official transfer completes', () => {
  it('moves the member and ends the roles held in the organizations left, keeping one above both', async () => {
    const { db } = subgraph.db;
    const province = await buildOrganization(db);
    const ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
    const from = await buildOrganization(db, { parent: ward });
    const to = await buildOrganization(db, { parent: ward });
    const member = await buildMember(db, from);
    await grantRole(db, member, 'SECRETARY', from);
    await grantRole(db, member, 'ANALYST', ward);
    await grantRole(db, member, 'DEPUTY_SECRETARY', from, { endsOn: '2021-01-01' });

    await db.transaction((tx) =>
      publish(tx, 'member.transferred', member.id, { memberId: member.id, fromOrgId: member.orgId, toOrgId: to.id, toOrgPath: to.path, on: '2026-11-20' }),
    );
    expect(await drainOutbox(db, memberTransferredConsumer)).toBe(1);

    const [moved] = await db.select().from(tables.members).where(eq(tables.members.id, member.id));
    expect({ orgId: moved!.orgId, orgPath: moved!.orgPath }).toEqual({ orgId: to.id, orgPath: to.path });
    const grants = await db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, member.id));
    const ends = Object.fromEntries(grants.map((g) => [g.role, g.endsOn]));
    expect(ends).toEqual({ SECRETARY: '2026-11-20', ANALYST: null, DEPUTY_SECRETARY: '2021-01-01' });
  });
});

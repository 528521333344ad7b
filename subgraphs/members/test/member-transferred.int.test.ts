import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { drainOutbox, publish } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { memberTemporaryHostConsumer } from '../src/member/member-temporary-host.consumer.ts';
import { memberTransferredConsumer } from '../src/member/member-transferred.consumer.ts';
import { memberTransferredOutConsumer } from '../src/member/member-transferred-out.consumer.ts';

let subgraph: TestSubgraph;
const TRANSFER_ID = '00000000-0000-4000-8000-000000000011';
const self = (member: { id: string }) => ({ personId: member.id, grants: [], partner: null });

async function tree() {
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  const ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  return { province, ward, from: await buildOrganization(db, { parent: ward }), to: await buildOrganization(db, { parent: ward }) };
}

const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;
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
    expect({ orgId: moved!.orgId, orgPath: moved!.orgPath, rosterNumber: moved!.rosterNumber }).toEqual({ orgId: to.id, orgPath: to.path, rosterNumber: null });
    const grants = await db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, member.id));
    const ends = Object.fromEntries(grants.map((g) => [g.role, g.endsOn]));
    expect(ends).toEqual({ SECRETARY: '2026-11-20', ANALYST: null, DEPUTY_SECRETARY: '2021-01-01' });
  });

  it('gives the member the roster number the receiving cell gave', async () => {
    const { db } = subgraph.db;
    const { from, to } = await tree();
    const member = await buildMember(db, from, { rosterNumber: 4 });
    await db.transaction((tx) =>
      publish(tx, 'member.transferred', member.id, { memberId: member.id, fromOrgId: from.id, toOrgId: to.id, toOrgPath: to.path, on: '2026-11-20', rosterNumber: 31 }),
    );
    expect(await drainOutbox(db, memberTransferredConsumer)).toBe(1);
    expect((await row(member.id)).rosterNumber).toBe(31);
  });
});

describe('when a member’s transfer out of the system completes', () => {
  it('leaves the register as transferred out, ends every role and locks the account, ending its sessions', async () => {
    const { db } = subgraph.db;
    const { ward, from } = await tree();
    const member = await buildMember(db, from);
    await grantRole(db, member, 'SECRETARY', from);
    await grantRole(db, member, 'ANALYST', ward);
    const account = await buildAccount(db, member, `out-${member.id.slice(0, 8)}`, 'Mat-khau-dai-2026');
    const [session] = await db
      .insert(tables.sessions)
      .values({ accountId: account.id, memberId: member.id, secondFactor: false, startedAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) })
      .returning();

    await db.transaction((tx) =>
      publish(tx, 'member.transferredOut', member.id, {
        transferId: TRANSFER_ID,
        memberId: member.id,
        fromOrgId: from.id,
        destinationName: 'Đảng ủy Bộ Xây dựng',
        destinationAddress: '37 Lê Đại Hành, Hà Nội',
        on: '2026-11-25',
      }),
    );
    expect(await drainOutbox(db, memberTransferredOutConsumer)).toBe(1);

    const gone = await row(member.id);
    expect({ status: gone.activityStatus, orgId: gone.orgId }).toEqual({ status: 'TRANSFERRED_OUT', orgId: from.id });
    const grants = await db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, member.id));
    expect(grants.map((g) => g.endsOn)).toEqual(['2026-11-25', '2026-11-25']);
    const [locked] = await db.select().from(tables.accounts).where(eq(tables.accounts.id, account.id));
    expect(locked!.status).toBe('LOCKED');
    const [ended] = await db.select().from(tables.sessions).where(eq(tables.sessions.id, session!.id));
    expect(ended!.endReason).toBe('ACCOUNT_LOCKED');
  });
});

describe('while a member is active temporarily elsewhere', () => {
  const hostChanged = (member: { id: string }, homeOrgId: string, host: { orgId: string; orgPath: string; until: string } | null, on: string) =>
    subgraph.db.db.transaction((tx) => publish(tx, 'member.temporaryHostChanged', member.id, { transferId: TRANSFER_ID, memberId: member.id, homeOrgId, host, on }));

  it('the register shows the host and its planned end beside the official organization, through an extension, until the end brings the member back', async () => {
    const { db } = subgraph.db;
    const { from, to } = await tree();
    const member = await buildMember(db, from);
    const read = async () =>
      (await subgraph.call('query ($id: ID!) { member(id: $id) { activityStatus organization { id } temporaryHost { organization { id } until } } }', { id: member.id }, self(member)))
        .data?.member;

    await hostChanged(member, from.id, { orgId: to.id, orgPath: to.path, until: '2027-03-01' }, '2026-09-01');
    expect(await drainOutbox(db, memberTemporaryHostConsumer)).toBe(1);
    expect(await read()).toEqual({ activityStatus: 'TEMP_AWAY', organization: { id: from.id }, temporaryHost: { organization: { id: to.id }, until: '2027-03-01' } });

    await hostChanged(member, from.id, { orgId: to.id, orgPath: to.path, until: '2027-06-01' }, '2027-02-01');
    expect(await drainOutbox(db, memberTemporaryHostConsumer)).toBe(1);
    expect((await read())?.temporaryHost).toEqual({ organization: { id: to.id }, until: '2027-06-01' });

    await hostChanged(member, from.id, null, '2027-05-20');
    expect(await drainOutbox(db, memberTemporaryHostConsumer)).toBe(1);
    expect(await read()).toEqual({ activityStatus: 'ACTIVE', organization: { id: from.id }, temporaryHost: null });
  });

  it('keeps a status set by decision in the meantime when the temporary activity ends', async () => {
    const { db } = subgraph.db;
    const { from, to } = await tree();
    const member = await buildMember(db, from);
    await hostChanged(member, from.id, { orgId: to.id, orgPath: to.path, until: '2027-03-01' }, '2026-09-01');
    await drainOutbox(db, memberTemporaryHostConsumer);
    await db.update(tables.members).set({ activityStatus: 'EXEMPT' }).where(eq(tables.members.id, member.id));
    await hostChanged(member, from.id, null, '2026-12-01');
    await drainOutbox(db, memberTemporaryHostConsumer);
    expect((await row(member.id)).activityStatus).toBe('EXEMPT');
  });
});

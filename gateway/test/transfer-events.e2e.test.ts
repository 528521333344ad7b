import { randomBytes, randomUUID } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { seedDemoData } from '@dangvu/drizzle/seed';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { membersKeys, membersSubgraph } from '@dangvu/subgraph-members';
import { organizationSubgraph } from '@dangvu/subgraph-organization';
import { drainOutbox, generateSigningKeys, silentLogger, vietnamDay, type Identity, type OutboxConsumer, type Role } from '@dangvu/subgraph-kit';
import { transfersSubgraph } from '@dangvu/subgraph-transfers';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A completed transfer's event is applied exactly once by each subgraph that consumes it, however often the
 * consumer dies midway: the transfers service completes real dossiers (its event written in the transaction
 * of the acceptance), then the members and organization subgraphs' own consumers are killed, before and after
 * doing their work, many times, until they get through.
 */
let database: TestDatabase;
let handle: DbHandle;
type Org = typeof tables.organizations.$inferSelect;
type Member = typeof tables.members.$inferSelect;
const today = vietnamDay(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDb(database.url, { max: 4 });
  await seedDemoData(handle.sql, { members: 200 });
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

const orgNode = (org: Org | undefined, all: Org[]): Record<string, unknown> | null =>
  org ? { id: org.id, code: org.code, name: org.name, type: org.type, parent: orgNode(all.find((o) => o.id === org.parentId), all) } : null;

/** Completes an official transfer of `member` to `to` through the transfers service itself, as the gateway would call it. */
async function completeTransfer(member: Member, to: Org, all: Org[], officers: Record<'cell' | 'commune' | 'receiving', Identity>) {
  const transfers = transfersSubgraph(handle);
  const context = (identity: Identity) => transfers.context({ identity, requestId: 'exactly-once' });
  const self: Identity = { personId: member.id, grants: [], partner: null };
  const cell = all.find((o) => o.id === member.orgId)!;
  const memberVoucher = context(self).vouchers.member({ id: member.id, orgPath: member.orgPath, fullName: member.fullName, organization: orgNode(cell, all) }, member.id);
  const destinationVoucher = context(self).vouchers.organization({ ...orgNode(to, all), path: to.path }, member.id);
  const started = await context(self).transfers.start({
    kind: 'OFFICIAL',
    memberVoucher,
    destinationVoucher,
    reason: 'Chuyển công tác',
    decisionReference: 'Quyết định 9/QĐ',
    effectiveOn: today,
    selfReview: 'Tốt',
  });
  expect(started.userErrors).toEqual([]);
  const transferId = started.transfer!.id;
  const letterVoucher = context(officers.commune).vouchers.letter(
    {
      id: member.id,
      orgPath: member.orgPath,
      fullName: member.fullName,
      birthDate: member.birthDate,
      joinedOn: member.joinedOn,
      officialOn: member.officialOn,
      membershipKind: member.membershipKind,
      cardNumber: member.cardNumber,
      dossierNumber: member.dossierNumber,
      rosterNumber: member.rosterNumber,
      duesStanding: { paidThrough: '2099-12', inGoodStanding: true },
    },
    officers.commune.personId,
  );
  const steps = [
    () => context(self).transfers.act({ transferId, expectedVersion: 1, action: 'SUBMIT' }),
    () => context(officers.cell).transfers.act({ transferId, expectedVersion: 2, action: 'REVIEW', meetingOn: today, conclusion: 'Nhất trí' }),
    () => context(officers.commune).transfers.issueLetter({ transferId, expectedVersion: 3, letterVoucher }),
    () => context(officers.commune).transfers.act({ transferId, expectedVersion: 4, action: 'HAND_OVER' }),
    () => context(officers.receiving).transfers.act({ transferId, expectedVersion: 5, action: 'RECEIVE' }),
    () => context(officers.receiving).transfers.checkItems({ transferId, items: ['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL'] }),
    () => context(officers.receiving).transfers.act({ transferId, expectedVersion: 6, action: 'ACCEPT', rosterNumber: 50 }),
  ];
  for (const take of steps) expect((await take()).userErrors).toEqual([]);
}

/** The consumer as it is, except that it dies `kills` times: on odd attempts before doing anything, on even ones after doing all. */
function dying(consumer: OutboxConsumer, kills: number) {
  let attempts = 0;
  return {
    attempts: () => attempts,
    consumer: {
      ...consumer,
      async handle(tx, event) {
        attempts++;
        if (attempts <= kills && attempts % 2 === 1) throw new Error(`killed before applying event ${event.id}`);
        await consumer.handle(tx, event);
        if (attempts <= kills) throw new Error(`killed after applying event ${event.id}, before its delivery was recorded`);
      },
    } satisfies OutboxConsumer,
  };
}

/** Drains until the consumer gets through, as its process would after every restart. */
async function drainThroughKills(consumer: OutboxConsumer): Promise<number> {
  for (let restarts = 0; restarts < 1000; restarts++) {
    try {
      return await drainOutbox(handle.db, consumer, { log: silentLogger });
    } catch {
      // The process died; the next start drains again.
    }
  }
  throw new Error('the consumer never got through');
}

describe('member.transferred, applied exactly once through killed consumers', () => {
  it('moves each member once, ends their roles in the cell once, and moves each count by one', async () => {
    const all = await handle.db.select().from(tables.organizations);
    // A village cell of the first commune, with its officers and more than twenty members.
    const finances = await handle.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.role, 'FINANCE_MEMBER'));
    const sizes = await handle.db.select().from(tables.memberCounts);
    const cell = all.find(
      (o) => o.type === 'GRASSROOTS_CELL' && finances.some((g) => g.orgId === o.id) && (sizes.find((c) => c.orgId === o.id)?.members ?? 0) > 22,
    )!;
    const commune = all.find((o) => o.id === cell.parentId)!;
    const otherCommune = all.find((o) => o.type === 'PROVINCE_SUBORDINATE' && o.id !== commune.id)!;
    const to = all.find((o) => o.parentId === otherCommune.id && o.type === 'GRASSROOTS_CELL')!;
    const officer = async (org: Org, role: Role): Promise<Identity> => {
      const [grant] = await handle.db.select().from(tables.roleGrants).where(and(eq(tables.roleGrants.orgId, org.id), eq(tables.roleGrants.role, role), isNull(tables.roleGrants.endsOn)));
      return { personId: grant!.memberId, grants: [{ role, orgId: org.id, orgPath: org.path }], partner: null };
    };
    const officers = { cell: await officer(cell, 'SECRETARY'), commune: await officer(commune, 'SECRETARY'), receiving: { personId: randomUUID(), grants: [{ role: 'SECRETARY' as const, orgId: to.id, orgPath: to.path }], partner: null } };
    // The cell's finance member among them: their role in the cell ends with the transfer.
    const [finance] = await handle.db.select().from(tables.roleGrants).where(and(eq(tables.roleGrants.orgId, cell.id), eq(tables.roleGrants.role, 'FINANCE_MEMBER'), isNull(tables.roleGrants.endsOn)));
    const inCell = await handle.db.select().from(tables.members).where(eq(tables.members.orgId, cell.id));
    const movers = [inCell.find((m) => m.id === finance!.memberId)!, ...inCell.filter((m) => m.rosterNumber! > 20 && m.rosterNumber! <= 22)];
    const counts = async () =>
      Object.fromEntries((await handle.db.select().from(tables.memberCounts)).filter((c) => c.orgId === cell.id || c.orgId === to.id).map((c) => [c.orgId, c.members]));
    const before = await counts();

    for (const member of movers) await completeTransfer(member, to, all, officers);
    const events = await handle.db.select().from(tables.outboxEvents).where(eq(tables.outboxEvents.topic, 'member.transferred'));
    expect(events).toHaveLength(movers.length);

    const { db } = handle;
    const keys = await generateSigningKeys();
    const membersConsumer = membersSubgraph(handle, { ...(await membersKeys({ authPrivateKey: keys.privateJwk, secretsKey: randomBytes(32) })) }).consumers!.find(
      (c) => c.name === 'members.member-transferred',
    )!;
    const countsConsumer = organizationSubgraph(handle).consumers!.find((c) => c.name === 'organization.member-counts')!;
    const members = dying(membersConsumer, 25);
    const organization = dying(countsConsumer, 25);
    await drainThroughKills(members.consumer);
    await drainThroughKills(organization.consumer);
    expect(members.attempts()).toBeGreaterThan(25);
    expect(organization.attempts()).toBeGreaterThan(25);
    // Drained again, nothing is left to apply.
    expect(await drainOutbox(db, membersConsumer, { log: silentLogger })).toBe(0);
    expect(await drainOutbox(db, countsConsumer, { log: silentLogger })).toBe(0);

    const moved = await db.select().from(tables.members).where(eq(tables.members.orgId, to.id));
    for (const member of movers) expect(moved.find((m) => m.id === member.id)).toMatchObject({ orgPath: to.path });
    const ended = await db.select().from(tables.roleGrants).where(eq(tables.roleGrants.id, finance!.id));
    expect(ended[0]!.endsOn).toBe(today);
    expect(await counts()).toEqual({ [cell.id]: before[cell.id]! - movers.length, [to.id]: (before[to.id] ?? 0) + movers.length });
    const deliveries = await db.select().from(tables.outboxDeliveries);
    expect(deliveries.filter((d) => d.consumer === 'members.member-transferred')).toHaveLength(movers.length);
    expect(deliveries.filter((d) => d.consumer === 'organization.member-counts')).toHaveLength(movers.length);
  }, 120_000);
});

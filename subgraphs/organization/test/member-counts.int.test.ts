import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import { drainOutbox, publishEvent } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCountsConsumer } from '../src/organization/member-counts.consumer.ts';
import { organizationSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const t = {} as Record<'ward' | 'from' | 'to', { id: string; path: string }>;
const MEMBER = '00000000-0000-4000-8000-00000000c0c0';

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', organizationSubgraph);
  const { db } = subgraph.db;
  t.ward = await buildOrganization(db, { name: 'Đảng bộ phường Hoa Lư' });
  t.from = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông', code: 'NB.9.1' });
  t.to = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Tây', code: 'NB.9.2' });
  await db.insert(tables.memberCounts).values({ orgId: t.from.id, members: 1 });
});
afterAll(() => subgraph?.stop());

const count = async (orgId: string) =>
  (await subgraph.db.db.select().from(tables.memberCounts).where(eq(tables.memberCounts.orgId, orgId)))[0]?.members ?? 0;

describe('the member counts the organization subgraph keeps', () => {
  it('follow a completed transfer, once however often the consumer runs', async () => {
    await subgraph.db.db.transaction((tx) =>
      publishEvent(tx, transferEvents, 'member.transferred', MEMBER, { memberId: MEMBER, fromOrgId: t.from.id, toOrgId: t.to.id, toOrgPath: t.to.path, on: '2026-11-20' }),
    );
    await drainOutbox(subgraph.db.db, memberCountsConsumer);
    await drainOutbox(subgraph.db.db, memberCountsConsumer);
    expect([await count(t.from.id), await count(t.to.id)]).toEqual([0, 1]);
  });

  it('keep an organization that received a member from being dissolved', async () => {
    const DISSOLVE = 'mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { userErrors { code } } }';
    const admin = personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path);
    const received = await subgraph.call(DISSOLVE, { input: { id: t.to.id } }, admin);
    expect(received.data!.dissolveOrganization.userErrors).toEqual([{ code: 'HAS_MEMBERS' }]);
    const emptied = await subgraph.call(DISSOLVE, { input: { id: t.from.id } }, admin);
    expect(emptied.data!.dissolveOrganization.userErrors).toEqual([]);
  });
});

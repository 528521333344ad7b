import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { verifyAuditChain } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { cell: Node; otherCell: Node; member: { id: string }; secretary: { id: string }; outsider: { id: string } };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.cell = await buildOrganization(db, { parent: province });
  t.otherCell = await buildOrganization(db, { parent: province });
  t.member = await buildMember(db, t.cell, { fullName: 'Ngô Thị Mai' });
  t.secretary = await buildMember(db, t.cell, { fullName: 'Lý Văn Hùng' });
  t.outsider = await buildMember(db, t.otherCell, { fullName: 'Tạ Văn Bảo' });
});
afterAll(() => subgraph?.stop());

const READ = `query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { fullName citizenId } } }`;
const LOG = `query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { accessLog { action actorName partnerClientId } } } }`;
const secretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);

describe('who viewed my record', () => {
  it('notes a secretary reading a member’s personal data, once per request, and not the member reading their own', async () => {
    await subgraph.call(READ, { id: t.member.id }, secretary());
    await subgraph.call('{ me { citizenId phone birthDate } }', {}, personWith(t.member.id));
    const { data, errors } = await subgraph.call(LOG, { id: t.member.id }, personWith(t.member.id));
    expect(errors).toBeUndefined();
    expect(data!._entities[0].accessLog).toEqual([{ action: 'member.viewed', actorName: 'Lý Văn Hùng', partnerClientId: null }]);
  });

  it('attributes a partner system’s reads to the partner', async () => {
    const partnerId = '00000000-0000-4000-8000-0000000000fe';
    const partner = { personId: null, grants: [], partner: { clientId: partnerId, scopes: ['members:read'] } };
    const read = await subgraph.call(`query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { fullName } } }`, { id: t.member.id }, partner);
    expect(read.errors).toBeUndefined();
    await subgraph.call(READ, { id: t.member.id }, partner);
    const { data } = await subgraph.call(LOG, { id: t.member.id }, personWith(t.member.id));
    expect(data!._entities[0].accessLog[0]).toEqual({ action: 'member.viewedByPartner', actorName: null, partnerClientId: partnerId });
  });

  it('is not shown to a member of another cell', async () => {
    const { data, errors } = await subgraph.call(LOG, { id: t.member.id }, personWith(t.outsider.id, 'SECRETARY', t.otherCell.path));
    expect(data!._entities).toEqual([{ accessLog: null }]);
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('auditTrail', () => {
  it('shows a record’s trail to the secretary above, and nothing to an officer elsewhere', async () => {
    const TRAIL = 'query ($id: ID!) { auditTrail(entityId: $id) { action actorName } }';
    const mine = await subgraph.call(TRAIL, { id: t.member.id }, secretary());
    expect(mine.data!.auditTrail.map((e: { action: string }) => e.action)).toContain('member.viewed');
    const elsewhere = await subgraph.call(TRAIL, { id: t.member.id }, personWith(t.outsider.id, 'SECRETARY', t.otherCell.path));
    expect(elsewhere.data!.auditTrail).toEqual([]);
  });

  it('keeps the chain whole with batched view entries', async () => {
    expect((await verifyAuditChain(subgraph.db.db)).problems).toEqual([]);
    expect((await subgraph.db.db.select().from(tables.auditEntries)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('reads of personal data through other records', () => {
  const viewsOf = async (memberId: string) => {
    const { data } = await subgraph.call(LOG, { id: memberId }, personWith(memberId));
    return data!._entities[0].accessLog.filter((entry: { action: string }) => entry.action === 'member.viewed').length;
  };

  it('note the dues basis read by the finance member, as income is personal', async () => {
    const before = await viewsOf(t.outsider.id);
    const finance = personWith('00000000-0000-4000-8000-0000000000f3', 'FINANCE_MEMBER', t.otherCell.path);
    const read = await subgraph.call(`query ($id: ID!) { member(id: $id) { fullName duesBasis } }`, { id: t.outsider.id }, finance);
    expect(read.errors).toBeUndefined();
    expect(await viewsOf(t.outsider.id)).toBe(before + 1);
  });

  it('note a record snapshot read in the audit trail, and nothing when the trail holds none', async () => {
    const edit = await subgraph.call(
      'mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { userErrors { code } } }',
      { input: { id: t.outsider.id, expectedVersion: 1, workplace: 'Trường tiểu học Hoa Lư', phone: '0912 000 111' } },
      personWith(t.secretary.id, 'SECRETARY', t.otherCell.path),
    );
    expect(edit.data!.updateMember.userErrors).toEqual([]);
    const before = await viewsOf(t.outsider.id);
    const admin = personWith('00000000-0000-4000-8000-0000000000f4', 'ADMIN', t.otherCell.path);
    const actionsOnly = await subgraph.call('query ($id: ID!) { auditTrail(entityId: $id) { action } }', { id: t.outsider.id }, admin);
    expect(actionsOnly.data!.auditTrail.map((entry: { action: string }) => entry.action)).toContain('member.updated');
    expect(await viewsOf(t.outsider.id)).toBe(before);
    await subgraph.call('query ($id: ID!) { auditTrail(entityId: $id) { before after } }', { id: t.outsider.id }, admin);
    expect(await viewsOf(t.outsider.id)).toBe(before + 1);
  });
});

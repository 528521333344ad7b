import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * A member's residence cell, declared and confirmed (docs/rules/member-register.md#residence), through the
 * subgraph's HTTP server; on confirmation, the member's unanswered residence-comment requests move to the new cell
 * (docs/rules/residence-comments.md#a-residence-change) and answered ones stay.
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as Record<'ward' | 'school' | 'otherWard' | 'village' | 'oldVillage' | 'committee', Node> &
  Record<'member' | 'schoolSecretary' | 'wardSecretary' | 'villageSecretary' | 'otherWardSecretary', { id: string }>;

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.otherWard = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.school = await buildOrganization(db, { parent: t.otherWard, type: 'GRASSROOTS_CELL' });
  t.village = await buildOrganization(db, { parent: t.ward, type: 'GRASSROOTS_CELL' });
  t.oldVillage = await buildOrganization(db, { parent: t.otherWard, type: 'GRASSROOTS_CELL' });
  t.committee = await buildOrganization(db, { parent: t.ward, type: 'GRASSROOTS_COMMITTEE' });
  t.member = await buildMember(db, t.school, { fullName: 'Đỗ Văn Cư', residenceOrgId: t.oldVillage.id });
  t.schoolSecretary = await buildMember(db, t.school);
  t.wardSecretary = await buildMember(db, t.village);
  t.villageSecretary = await buildMember(db, t.village);
  t.otherWardSecretary = await buildMember(db, t.oldVillage);
  await grantRole(db, t.schoolSecretary, 'SECRETARY', t.school);
  await grantRole(db, t.wardSecretary, 'SECRETARY', t.ward);
  await grantRole(db, t.villageSecretary, 'SECRETARY', t.village);
  await grantRole(db, t.otherWardSecretary, 'SECRETARY', t.oldVillage);
});
afterAll(() => subgraph?.stop());

const DECLARE = `mutation ($input: DeclareResidenceCellInput!) { declareResidenceCell(input: $input) {
  residenceDeclaration { id state version } userErrors { code field message } } }`;
const DECIDE = `mutation ($input: DecideResidenceDeclarationInput!) { decideResidenceDeclaration(input: $input) {
  residenceDeclaration { state decidedBy { id } } userErrors { code message } } }`;
const INBOX = `query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) {
  ... on Organization { pendingResidenceDeclarations { id memberName cell { id } viewerActions } } } }`;
const me = () => personWith(t.member.id);
const wardSecretary = () => personWith(t.wardSecretary.id, 'SECRETARY', t.ward.path);
const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;

describe('a residence cell declared by the member and confirmed by the ward committee', () => {
  let id: string;
  const requests = {} as Record<'open' | 'answered', string>;

  it('is a cell under a commune-level committee, not a committee', async () => {
    const { data } = await subgraph.call(DECLARE, { input: { memberId: t.member.id, cellId: t.committee.id } }, me());
    expect(data!.declareResidenceCell.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_CELL', field: 'cellId' })]);
  });

  it('is declared by the member themself, once for fifty identical declarations', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(DECLARE, { input: { memberId: t.member.id, cellId: t.village.id } }, me())));
    const made = answers.filter((a) => a.data!.declareResidenceCell.residenceDeclaration);
    expect(made).toHaveLength(1);
    expect(answers.filter((a) => a.data!.declareResidenceCell.userErrors[0]?.code === 'DECLARATION_PENDING')).toHaveLength(49);
    id = made[0]!.data!.declareResidenceCell.residenceDeclaration.id;
    expect((await row(t.member.id)).residenceOrgId).toBe(t.oldVillage.id);
  });

  it('waits in the ward committee’s inbox with the member’s name', async () => {
    const { data } = await subgraph.call(INBOX, { id: t.ward.id, path: t.ward.path }, wardSecretary());
    expect(data!._entities[0].pendingResidenceDeclarations).toEqual([{ id, memberName: 'Đỗ Văn Cư', cell: { id: t.village.id }, viewerActions: ['CONFIRM', 'REJECT'] }]);
  });

  it('is not confirmed by the member, the workplace’s secretary, nor another ward’s officer', async () => {
    for (const caller of [me(), personWith(t.schoolSecretary.id, 'SECRETARY', t.school.path), personWith(t.otherWardSecretary.id, 'SECRETARY', t.oldVillage.path)]) {
      const { data, errors } = await subgraph.call(DECIDE, { input: { id, expectedVersion: 1, confirm: true } }, caller);
      const code = errors?.[0]?.extensions?.code ?? data!.decideResidenceDeclaration.userErrors[0]?.code;
      expect(['FORBIDDEN', 'FORBIDDEN_ACTION']).toContain(code);
    }
    expect((await row(t.member.id)).residenceOrgId).toBe(t.oldVillage.id);
  });

  it('on confirmation becomes the residence cell and moves the unanswered comment requests there, not the answered ones', async () => {
    const { db } = subgraph.db;
    const base = { memberId: t.member.id, workplaceOrgId: t.school.id, workplacePath: t.school.path, dueOn: '2027-01-15', requestedBy: t.schoolSecretary.id, residenceCellId: t.oldVillage.id, residenceCellPath: t.oldVillage.path };
    const [open] = await db.insert(tables.residenceCommentRequests).values({ ...base, purpose: 'AWARD', state: 'AT_CELL' }).returning();
    const [answered] = await db.insert(tables.residenceCommentRequests).values({ ...base, purpose: 'PERSONNEL', state: 'ANSWERED', answeredAt: new Date() }).returning();
    requests.open = open!.id;
    requests.answered = answered!.id;

    const { data } = await subgraph.call(DECIDE, { input: { id, expectedVersion: 1, confirm: true } }, wardSecretary());
    expect(data!.decideResidenceDeclaration).toEqual({ residenceDeclaration: { state: 'CONFIRMED', decidedBy: { id: t.wardSecretary.id } }, userErrors: [] });
    expect((await row(t.member.id)).residenceOrgId).toBe(t.village.id);
    const after = async (requestId: string) => (await db.select().from(tables.residenceCommentRequests).where(eq(tables.residenceCommentRequests.id, requestId)))[0]!;
    expect(await after(requests.open)).toMatchObject({ state: 'AT_CELL', residenceCellId: t.village.id, residenceCellPath: t.village.path });
    expect(await after(requests.answered)).toMatchObject({ state: 'ANSWERED', residenceCellId: t.oldVillage.id });
    const [changed] = (await db.select().from(tables.auditEntries)).filter((e) => e.action === 'member.residenceCellChanged');
    expect(changed).toMatchObject({ actorId: t.wardSecretary.id, before: { residenceOrgId: t.oldVillage.id }, after: { residenceOrgId: t.village.id } });
  });

  it('a second decision finds it decided', async () => {
    const { data } = await subgraph.call(DECIDE, { input: { id, expectedVersion: 2, confirm: false, note: 'Không cư trú tại đây' } }, wardSecretary());
    expect(data!.decideResidenceDeclaration.userErrors).toEqual([expect.objectContaining({ code: 'ILLEGAL_TRANSITION' })]);
  });

  it('may be declared for the member by their cell’s secretary, and rejected with a reason', async () => {
    const declared = await subgraph.call(DECLARE, { input: { memberId: t.member.id, cellId: t.oldVillage.id } }, personWith(t.schoolSecretary.id, 'SECRETARY', t.school.path));
    const declaration = declared.data!.declareResidenceCell.residenceDeclaration;
    expect(declaration).toMatchObject({ state: 'DECLARED' });
    const other = personWith(t.otherWardSecretary.id, 'SECRETARY', t.otherWard.path);
    const bare = await subgraph.call(DECIDE, { input: { id: declaration.id, expectedVersion: 1, confirm: false } }, other);
    expect(bare.data!.decideResidenceDeclaration.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_REASON' })]);
    const rejected = await subgraph.call(DECIDE, { input: { id: declaration.id, expectedVersion: 1, confirm: false, note: 'Đồng chí đã chuyển nơi ở' } }, other);
    expect(rejected.data!.decideResidenceDeclaration.residenceDeclaration.state).toBe('REJECTED');
    expect((await row(t.member.id)).residenceOrgId).toBe(t.village.id);
  });
});

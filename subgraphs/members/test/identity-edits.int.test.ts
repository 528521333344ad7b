import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * Identity edits by proposal and approval (docs/rules/member-register.md#identity-edits), through the subgraph's
 * HTTP server: a cell officer proposes, the grassroots committee keeping the dossier approves; the proposer, the
 * member, the cell's own officers and officers elsewhere may not; fifty approvals at once apply once.
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as Record<'province' | 'ward' | 'committee' | 'cell' | 'otherCommittee', Node> &
  Record<'member' | 'cellSecretary' | 'cellDeputy' | 'committeeSecretary' | 'committeeDeputy' | 'otherSecretary', { id: string }>;

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  t.ward = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  t.committee = await buildOrganization(db, { parent: t.ward, name: 'Đảng bộ Trường THPT Hoa Lư', type: 'GRASSROOTS_COMMITTEE' });
  t.cell = await buildOrganization(db, { parent: t.committee, name: 'Chi bộ giáo viên', type: 'SUBORDINATE_CELL' });
  t.otherCommittee = await buildOrganization(db, { parent: t.ward, name: 'Đảng bộ Bệnh viện Hoa Lư', type: 'GRASSROOTS_COMMITTEE' });
  t.member = await buildMember(db, t.cell, { fullName: 'Nguyễn Văn Tèo', citizenId: '037080000101' });
  t.cellSecretary = await buildMember(db, t.cell, { citizenId: '037080000102' });
  t.cellDeputy = await buildMember(db, t.cell, { citizenId: '037080000103' });
  t.committeeSecretary = await buildMember(db, t.cell, { citizenId: '037080000104' });
  t.committeeDeputy = await buildMember(db, t.cell, { citizenId: '037080000105' });
  t.otherSecretary = await buildMember(db, t.otherCommittee, { citizenId: '037080000106' });
  await grantRole(db, t.cellSecretary, 'SECRETARY', t.cell);
  await grantRole(db, t.cellDeputy, 'DEPUTY_SECRETARY', t.cell);
  await grantRole(db, t.committeeSecretary, 'SECRETARY', t.committee);
  await grantRole(db, t.committeeDeputy, 'DEPUTY_SECRETARY', t.committee);
  await grantRole(db, t.otherSecretary, 'SECRETARY', t.otherCommittee);
});
afterAll(() => subgraph?.stop());

const cellSecretary = () => personWith(t.cellSecretary.id, 'SECRETARY', t.cell.path);
const cellDeputy = () => personWith(t.cellDeputy.id, 'DEPUTY_SECRETARY', t.cell.path);
const committeeSecretary = () => personWith(t.committeeSecretary.id, 'SECRETARY', t.committee.path);
const committeeDeputy = () => personWith(t.committeeDeputy.id, 'DEPUTY_SECRETARY', t.committee.path);
const otherSecretary = () => personWith(t.otherSecretary.id, 'SECRETARY', t.otherCommittee.path);

const PROPOSE = `mutation ($input: ProposeIdentityEditInput!) { proposeIdentityEdit(input: $input) {
  identityEdit { id state before after version proposedBy { id } } userErrors { code field message } } }`;
const DECIDE = `mutation ($input: DecideIdentityEditInput!) { decideIdentityEdit(input: $input) {
  identityEdit { state version decidedBy { id } decisionNote } userErrors { code field message } } }`;
const WITHDRAW = `mutation ($input: WithdrawIdentityEditInput!) { withdrawIdentityEdit(input: $input) { identityEdit { state } userErrors { code message } } }`;
const QUEUE = `query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) {
  ... on Organization { pendingIdentityEdits { id member { id fullName } after viewerActions } } } }`;

const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;
const auditOf = async (action: string) => (await subgraph.db.db.select().from(tables.auditEntries)).filter((e) => e.action === action);

describe('a correction of a member’s name and birth date, from proposal to approval', () => {
  let id: string;

  it('is proposed by the cell’s secretary with its reason; the record does not change yet', async () => {
    const { data } = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, fullName: '  Nguyễn  Văn Tèo Em ', birthDate: '1980-03-02', reason: 'Theo căn cước công dân' } }, cellSecretary());
    expect(data!.proposeIdentityEdit.userErrors).toEqual([]);
    const edit = data!.proposeIdentityEdit.identityEdit;
    expect(edit).toMatchObject({ state: 'PROPOSED', after: { fullName: 'Nguyễn Văn Tèo Em', birthDate: '1980-03-02' }, proposedBy: { id: t.cellSecretary.id }, version: 1 });
    expect(edit.before).toEqual({ fullName: 'Nguyễn Văn Tèo', birthDate: (await row(t.member.id)).birthDate });
    id = edit.id;
    expect((await row(t.member.id)).fullName).toBe('Nguyễn Văn Tèo');
    expect(await auditOf('member.identityEdit.propose')).toHaveLength(1);
  });

  it('allows one proposal awaiting a decision per member', async () => {
    const { data } = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, fullName: 'Nguyễn Văn Tý', reason: 'Theo giấy khai sinh' } }, cellDeputy());
    expect(data!.proposeIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'PROPOSAL_PENDING' })]);
  });

  it('waits in the grassroots committee’s queue, where its officers may approve it', async () => {
    const { data } = await subgraph.call(QUEUE, { id: t.committee.id, path: t.committee.path }, committeeDeputy());
    expect(data!._entities[0].pendingIdentityEdits).toEqual([
      { id, member: { id: t.member.id, fullName: 'Nguyễn Văn Tèo' }, after: { fullName: 'Nguyễn Văn Tèo Em', birthDate: '1980-03-02' }, viewerActions: ['APPROVE', 'REJECT'] },
    ]);
    const forProposer = await subgraph.call(QUEUE, { id: t.cell.id, path: t.cell.path }, cellSecretary());
    expect(forProposer.data!._entities[0].pendingIdentityEdits[0].viewerActions).toEqual(['WITHDRAW']);
  });

  it('is not approved by its proposer, by the cell’s deputy (not the keeper of the dossier), nor by another committee', async () => {
    const own = await subgraph.call(DECIDE, { input: { id, expectedVersion: 1, approve: true } }, cellSecretary());
    expect(own.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('Người đề nghị không tự duyệt') })]);
    const deputy = await subgraph.call(DECIDE, { input: { id, expectedVersion: 1, approve: true } }, cellDeputy());
    expect(deputy.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('cấp ủy cơ sở') })]);
    const other = await subgraph.call(DECIDE, { input: { id, expectedVersion: 1, approve: true } }, otherSecretary());
    expect(other.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    expect((await row(t.member.id)).fullName).toBe('Nguyễn Văn Tèo');
  });

  it('is approved once by the grassroots committee when fifty approvals arrive at once; the record is written and audited', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(DECIDE, { input: { id, expectedVersion: 1, approve: true } }, committeeSecretary())));
    const applied = answers.filter((a) => a.data!.decideIdentityEdit.identityEdit);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.data!.decideIdentityEdit.identityEdit).toMatchObject({ state: 'APPROVED', version: 2, decidedBy: { id: t.committeeSecretary.id } });
    expect(answers.filter((a) => a.data!.decideIdentityEdit.userErrors[0]?.code === 'ILLEGAL_TRANSITION')).toHaveLength(49);
    const member = await row(t.member.id);
    expect(member).toMatchObject({ fullName: 'Nguyễn Văn Tèo Em', birthDate: '1980-03-02', version: 2 });
    const [written] = await auditOf('member.identityEdited');
    expect(written).toMatchObject({ actorId: t.committeeSecretary.id, subjectMemberId: t.member.id, after: { fullName: 'Nguyễn Văn Tèo Em', version: 2 } });
    expect(await auditOf('member.identityEdit.approve')).toHaveLength(1);
  });
});

describe('what a proposal may not do', () => {
  it('refuses a proposal that changes nothing, one without a reason, and one the register would refuse', async () => {
    const current = await row(t.member.id);
    const same = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, fullName: current.fullName, reason: 'Theo căn cước công dân' } }, cellSecretary());
    expect(same.data!.proposeIdentityEdit.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOTHING_TO_CHANGE']);
    const bare = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, gender: 'FEMALE', reason: ' ' } }, cellSecretary());
    expect(bare.data!.proposeIdentityEdit.userErrors.map((e: { code: string }) => e.code)).toContain('INVALID_REASON');
    const mismatch = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, citizenId: '037180000101', reason: 'Theo căn cước công dân' } }, cellSecretary());
    expect(mismatch.data!.proposeIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'CITIZEN_ID_MISMATCH', field: 'citizenId' })]);
    expect(await subgraph.db.db.select().from(tables.identityEdits).where(eq(tables.identityEdits.state, 'PROPOSED'))).toEqual([]);
  });

  it('is refused to a finance member, the member themself and an officer outside the member’s organization', async () => {
    for (const caller of [personWith(t.cellSecretary.id, 'FINANCE_MEMBER', t.cell.path), personWith(t.member.id)]) {
      const { errors } = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, gender: 'FEMALE', reason: 'Theo giấy khai sinh' } }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const outside = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, gender: 'FEMALE', reason: 'Theo giấy khai sinh' } }, otherSecretary());
    expect(outside.data!.proposeIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
  });

  it('about a committee officer, is decided by nobody who is the subject: the committee’s secretary does not approve about themself', async () => {
    const proposed = await subgraph.call(PROPOSE, { input: { memberId: t.committeeSecretary.id, fullName: 'Trần Văn Bí Thư', reason: 'Theo căn cước công dân' } }, cellSecretary());
    const edit = proposed.data!.proposeIdentityEdit.identityEdit;
    const self = await subgraph.call(DECIDE, { input: { id: edit.id, expectedVersion: 1, approve: true } }, committeeSecretary());
    expect(self.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('chính mình') })]);
    const deputy = await subgraph.call(DECIDE, { input: { id: edit.id, expectedVersion: 1, approve: true } }, committeeDeputy());
    expect(deputy.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('ngang hoặc cao hơn') })]);
    const ward = personWith(t.otherSecretary.id, 'SECRETARY', t.ward.path);
    const rejected = await subgraph.call(DECIDE, { input: { id: edit.id, expectedVersion: 1, approve: false, note: 'Chưa có bản sao căn cước' } }, ward);
    expect(rejected.data!.decideIdentityEdit).toEqual({ identityEdit: { state: 'REJECTED', version: 2, decidedBy: { id: t.otherSecretary.id }, decisionNote: 'Chưa có bản sao căn cước' }, userErrors: [] });
    expect((await row(t.committeeSecretary.id)).fullName).not.toBe('Trần Văn Bí Thư');
  });

  it('is withdrawn by its proposer only, and a rejection needs its reason', async () => {
    const proposed = await subgraph.call(PROPOSE, { input: { memberId: t.member.id, gender: 'FEMALE', citizenId: '037180000101', reason: 'Theo giấy khai sinh' } }, cellDeputy());
    const edit = proposed.data!.proposeIdentityEdit.identityEdit;
    const noReason = await subgraph.call(DECIDE, { input: { id: edit.id, expectedVersion: 1, approve: false } }, committeeSecretary());
    expect(noReason.data!.decideIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_REASON', field: 'note' })]);
    const byOther = await subgraph.call(WITHDRAW, { input: { id: edit.id, expectedVersion: 1 } }, cellSecretary());
    expect(byOther.data!.withdrawIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    const stale = await subgraph.call(WITHDRAW, { input: { id: edit.id, expectedVersion: 7 } }, cellDeputy());
    expect(stale.data!.withdrawIdentityEdit.userErrors).toEqual([expect.objectContaining({ code: 'STALE_VERSION' })]);
    const withdrawn = await subgraph.call(WITHDRAW, { input: { id: edit.id, expectedVersion: 1 } }, cellDeputy());
    expect(withdrawn.data!.withdrawIdentityEdit).toEqual({ identityEdit: { state: 'WITHDRAWN' }, userErrors: [] });
    expect((await row(t.member.id)).gender).toBe('MALE');
  });
});

import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { vietnamDay } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * Status changes by decision (docs/rules/member-status.md) through the subgraph's HTTP server: an exemption from
 * application to the report up, a terminal decision that locks the account in the same transaction, and who
 * may not (themself, a deputy on their own secretary, an officer outside the subtree).
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as Record<'province' | 'ward' | 'otherWard' | 'cell', Node> & Record<'elder' | 'secretary' | 'deputy' | 'leaving' | 'wardSecretary' | 'otherSecretary' | 'traveller', { id: string }>;
const today = vietnamDay(new Date());
const PASSWORD = 'Mật khẩu đủ dài 2026';

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  t.ward = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  t.otherWard = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Tam Điệp', type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông' });
  t.elder = await buildMember(db, t.cell, { fullName: 'Nguyễn Văn Cả' });
  t.secretary = await buildMember(db, t.cell, { fullName: 'Trần Văn Bình' });
  t.deputy = await buildMember(db, t.cell, { fullName: 'Lê Thị Hoa' });
  t.leaving = await buildMember(db, t.cell, { fullName: 'Phạm Văn Cường' });
  t.wardSecretary = await buildMember(db, t.cell, { fullName: 'Đinh Văn Dũng' });
  t.otherSecretary = await buildMember(db, t.cell, { fullName: 'Ngô Thị Én' });
  t.traveller = await buildMember(db, t.cell, { fullName: 'Vũ Văn Giang' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await grantRole(db, t.deputy, 'DEPUTY_SECRETARY', t.cell);
  await grantRole(db, t.wardSecretary, 'SECRETARY', t.ward);
  await grantRole(db, t.otherSecretary, 'SECRETARY', t.otherWard);
  await buildAccount(db, t.leaving, 'cuong.pham', PASSWORD);
  await buildAccount(db, t.secretary, 'binh.tran', PASSWORD);
});
afterAll(() => subgraph?.stop());

const elder = () => personWith(t.elder.id);
const cellSecretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const deputy = () => personWith(t.deputy.id, 'DEPUTY_SECRETARY', t.cell.path);
const wardSecretary = () => personWith(t.wardSecretary.id, 'SECRETARY', t.ward.path);
const otherSecretary = () => personWith(t.otherSecretary.id, 'SECRETARY', t.otherWard.path);

const APPLY = `mutation ($input: ApplyForStatusChangeInput!) { applyForStatusChange(input: $input) { statusChange { id state toStatus } userErrors { code message } } }`;
const RESOLVE = `mutation ($input: ResolveStatusChangeInput!) { resolveStatusChange(input: $input) {
  statusChange { state decidedOn decisionReference attachmentName decidedBy { id } } userErrors { code field message } } }`;
const REPORT = `mutation ($input: ReportStatusChangeInput!) { reportStatusChange(input: $input) { statusChange { state reportedOn } userErrors { code } } }`;
const DECIDE = `mutation ($input: DecideMemberStatusInput!) { decideMemberStatus(input: $input) { statusChange { state toStatus } userErrors { code message } } }`;
const LOGIN = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token userErrors { code message } } }';

const statusOf = async (member: { id: string }) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, member.id)))[0]!.activityStatus;
const rowsOf = async (member: { id: string }) => subgraph.db.db.select().from(tables.statusChanges).where(eq(tables.statusChanges.memberId, member.id));
const decision = (reference = '05-NQ/CB') => ({ decidedOn: today, reference, attachmentName: 'nghi-quyet-05.pdf' });

describe('an exemption from activity, from application to the report to the superior', () => {
  let id: string;

  it('is applied for by the member; fifty identical applications at once make one', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(APPLY, { input: { memberId: t.elder.id, kind: 'EXEMPTION', reason: 'Tuổi cao, sức khỏe yếu' } }, elder())));
    const made = answers.filter((a) => a.data!.applyForStatusChange.statusChange);
    expect(made).toHaveLength(1);
    expect(answers.filter((a) => a.data!.applyForStatusChange.userErrors[0]?.code === 'APPLICATION_PENDING')).toHaveLength(49);
    id = made[0]!.data!.applyForStatusChange.statusChange.id;
    expect(made[0]!.data!.applyForStatusChange.statusChange).toMatchObject({ state: 'APPLIED', toStatus: 'EXEMPT' });
    expect(await statusOf(t.elder)).toBe('ACTIVE');
  });

  it('is not resolved by the member themself, nor by another ward’s secretary', async () => {
    const self = await subgraph.call(RESOLVE, { input: { id, adopted: true, decision: decision() } }, elder());
    expect(self.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const other = await subgraph.call(RESOLVE, { input: { id, adopted: true, decision: decision() } }, otherSecretary());
    expect(other.data!.resolveStatusChange).toMatchObject({ statusChange: null, userErrors: [{ code: 'FORBIDDEN_ACTION' }] });
    expect(await statusOf(t.elder)).toBe('ACTIVE');
  });

  it('refuses a resolution dated in the future, naming the field, and changes nothing', async () => {
    const { data } = await subgraph.call(RESOLVE, { input: { id, adopted: true, decision: { decidedOn: '2999-01-01', reference: '05-NQ/CB' } } }, cellSecretary());
    expect(data!.resolveStatusChange.userErrors).toEqual([expect.objectContaining({ code: 'DECISION_DATE_IN_FUTURE', field: 'decision.decidedOn' })]);
    expect((await rowsOf(t.elder))[0]!.state).toBe('APPLIED');
  });

  it('is adopted by the cell’s resolution with its record, and the status changes then', async () => {
    const { data } = await subgraph.call(RESOLVE, { input: { id, adopted: true, decision: decision() } }, cellSecretary());
    expect(data!.resolveStatusChange).toEqual({
      statusChange: { state: 'RESOLVED', decidedOn: today, decisionReference: '05-NQ/CB', attachmentName: 'nghi-quyet-05.pdf', decidedBy: { id: t.secretary.id } },
      userErrors: [],
    });
    expect(await statusOf(t.elder)).toBe('EXEMPT');
  });

  it('is reported to the superior by the cell, and then closed', async () => {
    const { data } = await subgraph.call(REPORT, { input: { id } }, deputy());
    expect(data!.reportStatusChange).toEqual({ statusChange: { state: 'REPORTED', reportedOn: today }, userErrors: [] });
    const again = await subgraph.call(REPORT, { input: { id } }, deputy());
    expect(again.data!.reportStatusChange.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
    const audit = (await subgraph.db.db.select().from(tables.auditEntries)).filter((e) => e.subjectMemberId === t.elder.id).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['member.statusChange.apply', 'member.statusChange.resolve', 'member.statusChanged', 'member.statusChange.report']));
  });

  it('shows the member their history, with the steps the viewer may take', async () => {
    const { data } = await subgraph.call('query ($id: ID!) { member(id: $id) { statusChanges { kind state viewerActions } } }', { id: t.elder.id }, elder());
    expect(data!.member.statusChanges).toEqual([{ kind: 'EXEMPTION', state: 'REPORTED', viewerActions: [] }]);
  });
});

describe('a terminal status, decided by the competent committee', () => {
  it('is refused to the cell’s deputy on their own secretary, and to the cell’s secretary (not the competent committee)', async () => {
    const onSecretary = await subgraph.call(DECIDE, { input: { memberId: t.secretary.id, kind: 'REMOVAL', decision: decision('12-QĐ/ĐU') } }, deputy());
    expect(onSecretary.data!.decideMemberStatus.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    const byCell = await subgraph.call(DECIDE, { input: { memberId: t.leaving.id, kind: 'EXPULSION', decision: decision('12-QĐ/ĐU') } }, cellSecretary());
    expect(byCell.data!.decideMemberStatus.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('cấp ủy có thẩm quyền') })]);
    expect(await statusOf(t.secretary)).toBe('ACTIVE');
  });

  it('is refused to anyone on themself, the ward’s secretary included', async () => {
    const self = await subgraph.call(DECIDE, { input: { memberId: t.wardSecretary.id, kind: 'LEFT_SYSTEM', decision: decision('12-QĐ/ĐU') } }, wardSecretary());
    expect(self.data!.decideMemberStatus.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('chính mình') })]);
    expect(await statusOf(t.wardSecretary)).toBe('ACTIVE');
  });

  it('ends membership, locks the account, ends its sessions and the member’s roles in one transaction', async () => {
    await grantRole(subgraph.db.db, t.leaving, 'FINANCE_MEMBER', t.cell);
    const { data } = await subgraph.call(DECIDE, { input: { memberId: t.leaving.id, kind: 'EXPULSION', reason: 'Vi phạm tư cách đảng viên', decision: decision('12-QĐ/ĐU') } }, wardSecretary());
    expect(data!.decideMemberStatus).toEqual({ statusChange: { state: 'DECIDED', toStatus: 'EXPELLED' }, userErrors: [] });
    expect(await statusOf(t.leaving)).toBe('EXPELLED');
    const [account] = await subgraph.db.db.select().from(tables.accounts).where(eq(tables.accounts.memberId, t.leaving.id));
    expect(account!.status).toBe('LOCKED');
    const grants = await subgraph.db.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, t.leaving.id));
    expect(grants.every((grant) => grant.endsOn === today)).toBe(true);
  });

  it('is final: nothing more is decided for the member', async () => {
    const again = await subgraph.call(DECIDE, { input: { memberId: t.leaving.id, kind: 'REMOVAL', decision: decision('13-QĐ/ĐU') } }, wardSecretary());
    expect(again.data!.decideMemberStatus.userErrors[0].code).toBe('STATUS_DOES_NOT_ALLOW');
  });

  it('has sign-in tell the member why, in Vietnamese, once the password is right; a wrong password learns nothing', async () => {
    const right = (await subgraph.call(LOGIN, { u: 'cuong.pham', p: PASSWORD })).data!.login;
    expect(right).toEqual({ token: null, userErrors: [{ code: 'MEMBERSHIP_ENDED', message: expect.stringContaining('đảng viên đã bị khai trừ') }] });
    const wrong = (await subgraph.call(LOGIN, { u: 'cuong.pham', p: 'sai mật khẩu rồi' })).data!.login;
    expect(wrong.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps such a member out even when the account is unlocked again', async () => {
    await subgraph.db.db.update(tables.accounts).set({ status: 'ACTIVE' }).where(eq(tables.accounts.memberId, t.leaving.id));
    const answer = (await subgraph.call(LOGIN, { u: 'cuong.pham', p: PASSWORD })).data!.login;
    expect(answer).toMatchObject({ token: null, userErrors: [{ code: 'MEMBERSHIP_ENDED' }] });
  });
});

describe('what the record offers to start', () => {
  const STARTABLE = 'query ($id: ID!) { member(id: $id) { startableStatusChanges } }';
  it('offers the member their applications, the cell the decisions it takes, the committee the terminal ones', async () => {
    const plain = await buildMember(subgraph.db.db, t.cell, { fullName: 'Vũ Thị Gấm' });
    const own = await subgraph.call(STARTABLE, { id: plain.id }, personWith(plain.id));
    expect(own.data!.member.startableStatusChanges).toEqual(['EXEMPTION', 'TEMPORARY_EXEMPTION']);
    const byCell = await subgraph.call(STARTABLE, { id: plain.id }, cellSecretary());
    expect(byCell.data!.member.startableStatusChanges).toEqual(['EXEMPTION', 'TEMPORARY_EXEMPTION', 'ABROAD']);
    // The cell's secretary does not decide about the cell's deputy: the same reach is not a cover.
    const onDeputy = await subgraph.call(STARTABLE, { id: t.deputy.id }, cellSecretary());
    expect(onDeputy.data!.member.startableStatusChanges).toEqual([]);
    const byWard = await subgraph.call(STARTABLE, { id: t.deputy.id }, wardSecretary());
    expect(byWard.data!.member.startableStatusChanges).toEqual(['EXEMPTION', 'TEMPORARY_EXEMPTION', 'ABROAD', 'REMOVAL', 'EXPULSION', 'DEATH', 'LEFT_SYSTEM']);
    const onOwnSecretary = await subgraph.call(STARTABLE, { id: t.secretary.id }, deputy());
    expect(onOwnSecretary.data!.member.startableStatusChanges).toEqual([]);
  });
});

describe('a temporary exemption, announced to the dues subgraph', () => {
  const events = async (member: { id: string }) =>
    (await subgraph.db.db.select().from(tables.outboxEvents).where(eq(tables.outboxEvents.aggregateId, member.id))).map((e) => ({ topic: e.topic, payload: e.payload }));
  const applyAndResolve = async (kind: string, reference: string) => {
    const applied = await subgraph.call(APPLY, { input: { memberId: t.traveller.id, kind, reason: 'Đi làm việc lưu động trên biển' } }, personWith(t.traveller.id));
    const id = applied.data!.applyForStatusChange.statusChange.id as string;
    const resolved = await subgraph.call(RESOLVE, { input: { id, adopted: true, decision: decision(reference) } }, cellSecretary());
    expect(resolved.data!.resolveStatusChange.userErrors).toEqual([]);
    return id;
  };

  it('announces its start and its end with the resolutions’ days, in their transactions; other statuses announce nothing', async () => {
    expect(await events(t.traveller)).toEqual([]);
    const began = await applyAndResolve('TEMPORARY_EXEMPTION', '07-NQ/CB');
    expect(await statusOf(t.traveller)).toBe('TEMP_EXEMPT');
    expect(await events(t.traveller)).toEqual([
      { topic: 'member.temporaryExemptionChanged', payload: { memberId: t.traveller.id, statusChangeId: began, exempt: true, on: today } },
    ]);
    const ended = await applyAndResolve('RETURN_TO_ACTIVITY', '08-NQ/CB');
    expect(await statusOf(t.traveller)).toBe('ACTIVE');
    expect((await events(t.traveller)).map((e) => e.payload)).toEqual([
      { memberId: t.traveller.id, statusChangeId: began, exempt: true, on: today },
      { memberId: t.traveller.id, statusChangeId: ended, exempt: false, on: today },
    ]);
    expect(await events(t.elder)).toEqual([]);
  });
});

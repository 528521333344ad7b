import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { vietnamDay } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * Recognition as an official member in two steps (docs/rules/member-register.md#recognition): the cell's
 * resolution, then the decision of the committee directly above the cell, through the subgraph's HTTP server.
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as Record<'ward' | 'otherWard' | 'cell', Node> & Record<'due' | 'early' | 'secretary' | 'wardSecretary' | 'wardDeputy' | 'otherSecretary', { id: string }>;
const today = vietnamDay(new Date());
const monthsAgo = (months: number) => {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() - months);
  return day.toISOString().slice(0, 10);
};

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.otherWard = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward, type: 'GRASSROOTS_CELL' });
  const probationary = { membershipKind: 'PROBATIONARY' as const, officialOn: null, cardNumber: null };
  t.due = await buildMember(db, t.cell, { ...probationary, fullName: 'Vũ Thị Mai', joinedOn: monthsAgo(13), citizenId: '037190000201', birthDate: '1990-05-05', gender: 'FEMALE' });
  t.early = await buildMember(db, t.cell, { ...probationary, fullName: 'Vũ Văn Nam', joinedOn: monthsAgo(6), citizenId: '037090000202', birthDate: '1990-05-05' });
  t.secretary = await buildMember(db, t.cell, { citizenId: '037080000203' });
  t.wardSecretary = await buildMember(db, t.ward, { citizenId: '037080000204' });
  t.wardDeputy = await buildMember(db, t.ward, { citizenId: '037080000205' });
  t.otherSecretary = await buildMember(db, t.otherWard, { citizenId: '037080000206' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await grantRole(db, t.wardSecretary, 'SECRETARY', t.ward);
  await grantRole(db, t.wardDeputy, 'DEPUTY_SECRETARY', t.ward);
  await grantRole(db, t.otherSecretary, 'SECRETARY', t.otherWard);
});
afterAll(() => subgraph?.stop());

const FIELDS = 'recognition { state resolutionReference resolutionOn officialOn decidedOn decisionReference rejectionReason proposedBy { id } decidedBy { id } } member { membershipKind officialOn } userErrors { code field message }';
const PROPOSE = `mutation ($input: ProposeOfficialRecognitionInput!) { proposeOfficialRecognition(input: $input) { ${FIELDS} } }`;
const RECOGNIZE = `mutation ($input: RecognizeOfficialMemberInput!) { recognizeOfficialMember(input: $input) { ${FIELDS} } }`;
const REJECT = `mutation ($input: RejectOfficialRecognitionInput!) { rejectOfficialRecognition(input: $input) { ${FIELDS} } }`;
const CAN = 'query ($id: ID!) { member(id: $id) { canProposeRecognition canRecognize recognition { state } } }';
const cellSecretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const wardSecretary = () => personWith(t.wardSecretary.id, 'SECRETARY', t.ward.path);
const wardDeputy = () => personWith(t.wardDeputy.id, 'DEPUTY_SECRETARY', t.ward.path);
const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;
const resolution = { decidedOn: today, reference: '05-NQ/CB', attachmentName: 'nghi-quyet-05.pdf' };
const decision = { decidedOn: today, reference: '15-QĐ/ĐU', attachmentName: 'quyet-dinh-15.pdf' };
const auditActions = async () => (await subgraph.db.db.select().from(tables.auditEntries)).filter((e) => e.subjectMemberId === t.due.id).map((e) => [e.action, e.actorId]);

describe('the cell proposes recognition', () => {
  it('is refused before the twelve months of probation end, saying from which day', async () => {
    const { data } = await subgraph.call(PROPOSE, { input: { memberId: t.early.id, resolution } }, cellSecretary());
    expect(data!.proposeOfficialRecognition.userErrors).toEqual([expect.objectContaining({ code: 'PROBATION_NOT_OVER', field: 'resolution.decidedOn', message: expect.stringContaining('Chưa hết 12 tháng dự bị') })]);
    expect((await row(t.early.id)).membershipKind).toBe('PROBATIONARY');
  });

  it('is refused to a finance member, to the member themself, to a secretary about themself and outside their subtree', async () => {
    const finance = await subgraph.call(PROPOSE, { input: { memberId: t.due.id, resolution } }, personWith(t.wardDeputy.id, 'FINANCE_MEMBER', t.cell.path));
    expect(finance.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const member = await subgraph.call(PROPOSE, { input: { memberId: t.due.id, resolution } }, personWith(t.due.id));
    expect(member.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const self = await subgraph.call(PROPOSE, { input: { memberId: t.secretary.id, resolution } }, cellSecretary());
    expect(self.data!.proposeOfficialRecognition.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    const outside = await subgraph.call(PROPOSE, { input: { memberId: t.due.id, resolution } }, personWith(t.otherSecretary.id, 'SECRETARY', t.otherWard.path));
    expect(outside.data!.proposeOfficialRecognition.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
  });

  it('leaves nothing for the committee to decide before the cell has resolved', async () => {
    const { data } = await subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, wardSecretary());
    expect(data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'NO_PROPOSAL' })]);
    expect((await subgraph.call(CAN, { id: t.due.id }, cellSecretary())).data!.member).toEqual({ canProposeRecognition: true, canRecognize: false, recognition: null });
  });

  it('records one resolution when fifty arrive at once; audited', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(PROPOSE, { input: { memberId: t.due.id, resolution } }, cellSecretary())));
    const made = answers.filter((a) => a.data!.proposeOfficialRecognition.recognition);
    expect(made).toHaveLength(1);
    expect(made[0]!.data!.proposeOfficialRecognition.recognition).toMatchObject({ state: 'PROPOSED', resolutionReference: '05-NQ/CB', resolutionOn: today, officialOn: null, proposedBy: { id: t.secretary.id } });
    expect(answers.filter((a) => a.data!.proposeOfficialRecognition.userErrors[0]?.code === 'PROPOSAL_PENDING')).toHaveLength(49);
    expect((await row(t.due.id)).membershipKind).toBe('PROBATIONARY');
    expect(await auditActions()).toEqual([['member.recognition.propose', t.secretary.id]]);
  });
});

describe('the committee above the cell decides', () => {
  it('is not the cell itself, nor a committee elsewhere', async () => {
    const cell = await subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, cellSecretary());
    expect(cell.data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('cấp ủy cấp trên') })]);
    const other = await subgraph.call(REJECT, { input: { memberId: t.due.id, reason: 'Không đủ điều kiện' } }, personWith(t.otherSecretary.id, 'SECRETARY', t.otherWard.path));
    expect(other.data!.rejectOfficialRecognition.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    expect((await subgraph.call(CAN, { id: t.due.id }, wardSecretary())).data!.member).toEqual({ canProposeRecognition: false, canRecognize: true, recognition: { state: 'PROPOSED' } });
  });

  it('rejects with a reason only, and the member stays probationary; the cell may resolve again', async () => {
    const bare = await subgraph.call(REJECT, { input: { memberId: t.due.id, reason: ' ' } }, wardDeputy());
    expect(bare.data!.rejectOfficialRecognition.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_REASON', field: 'reason' })]);
    const { data } = await subgraph.call(REJECT, { input: { memberId: t.due.id, reason: 'Nghị quyết chưa đủ số phiếu tán thành' } }, wardDeputy());
    expect(data!.rejectOfficialRecognition.recognition).toMatchObject({ state: 'REJECTED', rejectionReason: 'Nghị quyết chưa đủ số phiếu tán thành', decidedBy: { id: t.wardDeputy.id } });
    expect((await row(t.due.id)).membershipKind).toBe('PROBATIONARY');
    // The ward's secretary enters the new resolution, so the secretary may not decide on it: the deputy does.
    const again = await subgraph.call(PROPOSE, { input: { memberId: t.due.id, resolution: { ...resolution, reference: '07-NQ/CB' } } }, wardSecretary());
    expect(again.data!.proposeOfficialRecognition.recognition).toMatchObject({ state: 'PROPOSED', resolutionReference: '07-NQ/CB' });
    const own = await subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, wardSecretary());
    expect(own.data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('không tự quyết định') })]);
  });

  it('refuses a decision dated in the future and changes nothing', async () => {
    const { data } = await subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision: { ...decision, decidedOn: '2999-01-01' } } }, wardDeputy());
    expect(data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'DECISION_DATE_IN_FUTURE' })]);
    expect((await row(t.due.id)).membershipKind).toBe('PROBATIONARY');
  });

  it('makes the member official once, with the day probation ended, when fifty decisions arrive at once; audited', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, wardDeputy())));
    const made = answers.filter((a) => a.data!.recognizeOfficialMember.recognition);
    expect(made).toHaveLength(1);
    const officialOn = (await row(t.due.id)).joinedOn.replace(/^(\d{4})/, (year) => String(Number(year) + 1));
    expect(made[0]!.data!.recognizeOfficialMember).toMatchObject({
      recognition: { state: 'APPROVED', officialOn, decidedOn: today, decisionReference: '15-QĐ/ĐU', resolutionReference: '07-NQ/CB', decidedBy: { id: t.wardDeputy.id }, proposedBy: { id: t.wardSecretary.id } },
      member: { membershipKind: 'OFFICIAL', officialOn },
      userErrors: [],
    });
    expect(answers.filter((a) => a.data!.recognizeOfficialMember.userErrors[0]?.code === 'NOT_PROBATIONARY')).toHaveLength(49);
    expect(await auditActions()).toEqual([
      ['member.recognition.propose', t.secretary.id],
      ['member.recognition.reject', t.wardDeputy.id],
      ['member.recognition.propose', t.wardSecretary.id],
      ['member.recognition.approve', t.wardDeputy.id],
      ['member.recognized', t.wardDeputy.id],
    ]);
    expect((await subgraph.call(CAN, { id: t.due.id }, wardSecretary())).data!.member).toEqual({ canProposeRecognition: false, canRecognize: false, recognition: { state: 'APPROVED' } });
  });
});

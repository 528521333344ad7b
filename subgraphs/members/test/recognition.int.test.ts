import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { vietnamDay } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/** Recognition as an official member (docs/rules/member-register.md#recognition), through the subgraph's HTTP server. */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as Record<'ward' | 'cell', Node> & Record<'due' | 'early' | 'secretary' | 'deputy', { id: string }>;
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
  t.cell = await buildOrganization(db, { parent: t.ward, type: 'GRASSROOTS_CELL' });
  const probationary = { membershipKind: 'PROBATIONARY' as const, officialOn: null, cardNumber: null };
  t.due = await buildMember(db, t.cell, { ...probationary, fullName: 'Vũ Thị Mai', joinedOn: monthsAgo(13), citizenId: '037190000201', birthDate: '1990-05-05', gender: 'FEMALE' });
  t.early = await buildMember(db, t.cell, { ...probationary, fullName: 'Vũ Văn Nam', joinedOn: monthsAgo(6), citizenId: '037090000202', birthDate: '1990-05-05' });
  t.secretary = await buildMember(db, t.cell, { citizenId: '037080000203' });
  t.deputy = await buildMember(db, t.cell, { citizenId: '037080000204' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await grantRole(db, t.deputy, 'DEPUTY_SECRETARY', t.cell);
});
afterAll(() => subgraph?.stop());

const RECOGNIZE = `mutation ($input: RecognizeOfficialMemberInput!) { recognizeOfficialMember(input: $input) {
  recognition { officialOn decidedOn decisionReference decidedBy { id } } member { membershipKind officialOn } userErrors { code field message } } }`;
const secretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;
const decision = { decidedOn: today, reference: '15-QĐ/CB', attachmentName: 'quyet-dinh-15.pdf' };

describe('recognition as an official member', () => {
  it('is refused before the twelve months of probation end, saying from which day', async () => {
    const { data } = await subgraph.call(RECOGNIZE, { input: { memberId: t.early.id, decision } }, secretary());
    expect(data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'PROBATION_NOT_OVER', field: 'decision.decidedOn', message: expect.stringContaining('Chưa hết 12 tháng dự bị') })]);
    expect((await row(t.early.id)).membershipKind).toBe('PROBATIONARY');
  });

  it('is refused to the member themself and to a finance member', async () => {
    const self = await subgraph.call(RECOGNIZE, { input: { memberId: t.secretary.id, decision } }, secretary());
    expect(self.data!.recognizeOfficialMember.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN_ACTION' })]);
    const finance = await subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, personWith(t.deputy.id, 'FINANCE_MEMBER', t.cell.path));
    expect(finance.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('makes the member official once, with the day probation ended, when fifty decisions arrive at once; audited', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(RECOGNIZE, { input: { memberId: t.due.id, decision } }, secretary())));
    const made = answers.filter((a) => a.data!.recognizeOfficialMember.recognition);
    expect(made).toHaveLength(1);
    const officialOn = (await row(t.due.id)).joinedOn.replace(/^(\d{4})/, (year) => String(Number(year) + 1));
    expect(made[0]!.data!.recognizeOfficialMember).toEqual({
      recognition: { officialOn, decidedOn: today, decisionReference: '15-QĐ/CB', decidedBy: { id: t.secretary.id } },
      member: { membershipKind: 'OFFICIAL', officialOn },
      userErrors: [],
    });
    expect(answers.filter((a) => a.data!.recognizeOfficialMember.userErrors[0]?.code === 'NOT_PROBATIONARY')).toHaveLength(49);
    const audit = (await subgraph.db.db.select().from(tables.auditEntries)).filter((e) => e.action === 'member.recognized');
    expect(audit).toEqual([expect.objectContaining({ actorId: t.secretary.id, subjectMemberId: t.due.id })]);
    const { data } = await subgraph.call('query ($id: ID!) { member(id: $id) { recognition { decisionReference } canRecognize } }', { id: t.due.id }, secretary());
    expect(data!.member).toEqual({ recognition: { decisionReference: '15-QĐ/CB' }, canRecognize: false });
  });
});

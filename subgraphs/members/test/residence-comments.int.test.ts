import { generateKeyPairSync } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { runJob, signHash, type Identity, type Role } from '@dangvu/subgraph-kit';
import { readPdf, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersStore } from '../src/repositories.ts';
import { commentReminders } from '../src/residence-comment/comment-reminders.job.ts';
import { rerouteOpenRequests } from '../src/residence-comment/residence-comment.service.ts';
import { DUTIES } from '../src/residence-comment/residence-comment.rules.ts';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
type Person = { id: string };
let subgraph: TestSubgraph;
const TODAY = new Date('2026-11-02T03:00:00Z');
const DUE = '2026-12-15';

const o = {} as Record<'province' | 'commune' | 'otherCommune' | 'school' | 'villageA' | 'villageB' | 'silentVillage' | 'outsideCell', Node>;
const p = {} as Record<
  'secretary' | 'deputy' | 'finance' | 'teacherA' | 'teacherUnrouted' | 'teacherExempt' | 'soldier' | 'teacherSilent' | 'deputyOfB' | 'secretaryA' | 'secretaryB' | 'communeSecretary' | 'outsider',
  Person
>;

/** A person holding the given roles, as the gateway would sign them in. */
const as = (person: Person, ...grants: [Role, Node][]): Identity => ({
  personId: person.id,
  grants: grants.map(([role, org]) => ({ role, orgId: org.id, orgPath: org.path })),
  partner: null,
});
const schoolSecretary = () => as(p.secretary, ['SECRETARY', o.school]);
const secretaryA = () => as(p.secretaryA, ['SECRETARY', o.villageA]);
const secretaryB = () => as(p.secretaryB, ['SECRETARY', o.villageB]);
const communeSecretary = () => as(p.communeSecretary, ['SECRETARY', o.commune]);

const REQUEST = `id state version dueOn purpose availableActions requestedBy { id } residenceCell { id } commune { id }
  outsideRecipient { name address } answeredAt overdue remindedOn member { id }`;
const call = async (query: string, variables: Record<string, unknown>, identity: Identity) => subgraph.call(query, variables, identity);

const OPEN = `mutation ($input: OpenCommentCampaignInput!) { openCommentCampaign(input: $input) {
  campaign { id year dueOn requests { ${REQUEST} } exemptions { member { id } reason } } userErrors { code field message } } }`;
const SINGLE = `mutation ($input: RequestResidenceCommentInput!) { requestResidenceComment(input: $input) { request { ${REQUEST} } userErrors { code field message } } }`;
const step = (name: string, input: string) =>
  `mutation ($input: ${input}!) { ${name}(input: $input) { request { ${REQUEST} comment { sequence overall duties { duty assessment label } supersedeReason scanFileName paperReceivedOn givenByName hash signature signatureValid } commentHistory { sequence } } userErrors { code field message } } }`;
const ROUTE = step('routeResidenceCommentToCommune', 'RouteResidenceCommentToCommuneInput');
const ASSIGN = step('assignResidenceCommentCell', 'AssignResidenceCommentCellInput');
const PAPER = step('sendResidenceCommentOnPaper', 'SendResidenceCommentOnPaperInput');
const RECORD = step('recordPaperResidenceComment', 'RecordPaperResidenceCommentInput');
const ANSWER = step('answerResidenceComment', 'AnswerResidenceCommentInput');
const SUPERSEDE = step('supersedeResidenceComment', 'SupersedeResidenceCommentInput');
const CANCEL = step('cancelResidenceComment', 'CancelResidenceCommentInput');

const inboxOf = async (org: Node, identity: Identity) =>
  subgraph.call(
    `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { commentInbox { ${REQUEST} } } } }`,
    { reps: [{ __typename: 'Organization', id: org.id, path: org.path }] },
    identity,
  );
const orgField = async (org: Node, selection: string, identity: Identity) =>
  subgraph.call(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { ${selection} } } }`, { reps: [{ __typename: 'Organization', id: org.id, path: org.path }] }, identity);

const fullComment = (overall = 'Đồng chí gương mẫu, gắn bó với nhân dân nơi cư trú.') => ({
  duties: DUTIES.map((duty) => ({ duty, assessment: 'WELL', remark: duty === 'RESIDENCE_MEETINGS' ? 'Dự đủ hai buổi sinh hoạt' : null })),
  overall,
});

let campaign: { id: string; requests: { id: string; state: string; version: number; member: { id: string }; residenceCell: { id: string } | null }[]; exemptions: { member: { id: string }; reason: string }[] };
const requestOf = (member: Person) => campaign.requests.find((r) => r.member.id === member.id)!;
const requestRows = async () => subgraph.db.db.select().from(tables.residenceCommentRequests);

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph({ now: () => TODAY }));
  const { db } = subgraph.db;
  o.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Thử' });
  o.commune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ xã Gia Viễn' });
  o.otherCommune = await buildOrganization(db, { parent: o.province, type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ xã Kim Sơn' });
  o.school = await buildOrganization(db, { parent: o.commune, name: 'Chi bộ Trường Tiểu học Gia Viễn' });
  o.villageA = await buildOrganization(db, { parent: o.commune, name: 'Chi bộ thôn Đông' });
  o.villageB = await buildOrganization(db, { parent: o.commune, name: 'Chi bộ thôn Tây' });
  o.silentVillage = await buildOrganization(db, { parent: o.commune, name: 'Chi bộ thôn Bắc' });
  o.outsideCell = await buildOrganization(db, { parent: o.otherCommune, name: 'Chi bộ thôn Nam' });

  p.secretary = await buildMember(db, o.school, { fullName: 'Trần Văn Bí', residenceOrgId: o.villageB.id });
  p.deputy = await buildMember(db, o.school, { fullName: 'Lê Thị Phó' });
  p.finance = await buildMember(db, o.school, { fullName: 'Phạm Văn Tài', residenceOrgId: o.villageA.id });
  p.teacherA = await buildMember(db, o.school, { fullName: 'Nguyễn Thị An', residenceOrgId: o.villageA.id });
  p.teacherUnrouted = await buildMember(db, o.school, { fullName: 'Đỗ Văn Bình' });
  p.teacherExempt = await buildMember(db, o.school, { fullName: 'Vũ Văn Cường', activityStatus: 'EXEMPT', residenceOrgId: o.villageA.id });
  p.soldier = await buildMember(db, o.school, { fullName: 'Hoàng Văn Dũng' });
  p.teacherSilent = await buildMember(db, o.school, { fullName: 'Bùi Thị Em', residenceOrgId: o.silentVillage.id });
  p.deputyOfB = await buildMember(db, o.school, { fullName: 'Ngô Văn Giang', residenceOrgId: o.villageB.id });
  p.secretaryA = await buildMember(db, o.villageA, { fullName: 'Đinh Văn Hải' });
  p.secretaryB = await buildMember(db, o.villageB, { fullName: 'Mai Thị Hoa' });
  p.communeSecretary = await buildMember(db, o.villageA, { fullName: 'Lý Văn Khánh' });
  p.outsider = await buildMember(db, o.outsideCell, { fullName: 'Tạ Văn Lâm' });
  await grantRole(db, p.secretary, 'SECRETARY', o.school);
  await grantRole(db, p.deputy, 'DEPUTY_SECRETARY', o.school);
  await grantRole(db, p.finance, 'FINANCE_MEMBER', o.school);
  await grantRole(db, p.secretaryA, 'SECRETARY', o.villageA);
  await grantRole(db, p.secretaryB, 'SECRETARY', o.villageB);
  await grantRole(db, p.deputyOfB, 'DEPUTY_SECRETARY', o.villageB);
  await grantRole(db, p.communeSecretary, 'SECRETARY', o.commune);
  await grantRole(db, p.outsider, 'SECRETARY', o.outsideCell);
});
afterAll(() => subgraph?.stop());

describe('openCommentCampaign', () => {
  it('refuses bad input in Vietnamese and writes nothing', async () => {
    const past = await call(OPEN, { input: { organizationId: o.school.id, dueOn: '2026-11-01' } }, schoolSecretary());
    expect(past.data!.openCommentCampaign.userErrors).toEqual([{ code: 'DUE_DATE_PASSED', field: 'dueOn', message: 'Hạn gửi nhận xét phải sau ngày hôm nay.' }]);
    const wrong = await call(
      OPEN,
      { input: { organizationId: o.school.id, dueOn: DUE, exemptions: [{ memberId: p.teacherA.id, reason: 'ABROAD' }, { memberId: p.outsider.id, reason: 'BARRACKS' }] } },
      schoolSecretary(),
    );
    expect(wrong.data!.openCommentCampaign.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_EXEMPTION', 'NOT_IN_ORGANIZATION']);
    expect(await requestRows()).toEqual([]);
  });

  it('is refused to an officer of another cell and to the finance member', async () => {
    for (const identity of [secretaryA(), as(p.finance, ['FINANCE_MEMBER', o.school])]) {
      const { errors } = await call(OPEN, { input: { organizationId: o.school.id, dueOn: DUE } }, identity);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('asks about every working member, routed to the confirmed residence cell, and lists who is left out and why', async () => {
    const { data, errors } = await call(OPEN, { input: { organizationId: o.school.id, dueOn: DUE, exemptions: [{ memberId: p.soldier.id, reason: 'BARRACKS' }] } }, schoolSecretary());
    expect(errors).toBeUndefined();
    expect(data!.openCommentCampaign.userErrors).toEqual([]);
    campaign = data!.openCommentCampaign.campaign;
    expect(campaign).toMatchObject({ year: 2026, dueOn: DUE });
    expect(campaign.exemptions).toEqual(
      expect.arrayContaining([
        { member: { id: p.soldier.id }, reason: 'BARRACKS' },
        { member: { id: p.teacherExempt.id }, reason: 'EXEMPT_FROM_ACTIVITY' },
      ]),
    );
    expect(campaign.exemptions).toHaveLength(2);
    const states = Object.fromEntries(campaign.requests.map((r) => [r.member.id, [r.state, r.residenceCell?.id ?? null]]));
    expect(states).toEqual({
      [p.secretary.id]: ['AT_CELL', o.villageB.id],
      [p.deputy.id]: ['AWAITING_ROUTING', null],
      [p.finance.id]: ['AT_CELL', o.villageA.id],
      [p.teacherA.id]: ['AT_CELL', o.villageA.id],
      [p.teacherUnrouted.id]: ['AWAITING_ROUTING', null],
      // Its cell has no secretary or deputy in the system: nobody there could answer.
      [p.teacherSilent.id]: ['AWAITING_ROUTING', null],
      [p.deputyOfB.id]: ['AT_CELL', o.villageB.id],
    });
    // By name in Vietnamese order (docs/rules/member-register.md#vietnamese-order): Bùi, Đỗ, Lê, Ngô, Nguyễn, Phạm, Trần.
    const inOrder = [p.teacherSilent, p.teacherUnrouted, p.deputy, p.deputyOfB, p.teacherA, p.finance, p.secretary];
    expect(campaign.requests.map((r) => r.member.id)).toEqual(inOrder.map((member) => member.id));
  });

  it('opens once a year, however many times it is asked at once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => call(OPEN, { input: { organizationId: o.school.id, dueOn: '2026-12-20' } }, schoolSecretary())));
    for (const { data } of answers) expect(data!.openCommentCampaign.userErrors.map((e: { code: string }) => e.code)).toEqual(['CAMPAIGN_EXISTS']);
    expect(await requestRows()).toHaveLength(7);
  });
});

describe('the residence cell', () => {
  it('finds the requests in its inbox by due day, and another cell’s secretary cannot read that inbox', async () => {
    const { data } = await inboxOf(o.villageA, secretaryA());
    expect(data!._entities[0].commentInbox.map((r: { member: { id: string } }) => r.member.id).sort()).toEqual([p.finance.id, p.teacherA.id].sort());
    expect(data!._entities[0].commentInbox[0].availableActions).toEqual(['ANSWER']);
    // The residence cell reads whom it comments on by the request's own field: the workplace's record stays closed to it.
    const names = await orgField(o.villageA, 'commentInbox { memberName member { fullName } }', secretaryA());
    expect(names.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const byName = await orgField(o.villageA, 'commentInbox { memberName }', secretaryA());
    expect(byName.data!._entities[0].commentInbox.map((r: { memberName: string }) => r.memberName).sort()).toEqual(['Nguyễn Thị An', 'Phạm Văn Tài']);
    const other = await inboxOf(o.villageA, secretaryB());
    expect(other.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('must comment on every duty with an overall remark; a refused answer changes nothing', async () => {
    const request = requestOf(p.teacherA);
    const partial = await call(ANSWER, { input: { requestId: request.id, expectedVersion: 1, duties: fullComment().duties.slice(1), overall: 'Tốt' } }, secretaryA());
    expect(partial.data!.answerResidenceComment.userErrors[0]).toMatchObject({ code: 'DUTY_MISSING', field: 'duties' });
    const [row] = await subgraph.db.db.select().from(tables.residenceCommentRequests).where(eq(tables.residenceCommentRequests.id, request.id));
    expect(row).toMatchObject({ state: 'AT_CELL', version: 1 });
  });

  it('answers, and the comment goes back to the workplace, hashed; a second answer is refused', async () => {
    const request = requestOf(p.teacherA);
    const { data } = await call(ANSWER, { input: { requestId: request.id, expectedVersion: 1, ...fullComment() } }, secretaryA());
    expect(data!.answerResidenceComment.userErrors).toEqual([]);
    expect(data!.answerResidenceComment.request).toMatchObject({ state: 'ANSWERED', version: 2, answeredAt: expect.any(String) });
    expect(data!.answerResidenceComment.request.comment).toMatchObject({ sequence: 1, givenByName: 'Đinh Văn Hải', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(data!.answerResidenceComment.request.comment).toMatchObject({ signature: expect.stringMatching(/^[\w-]{86}$/), signatureValid: true });
    const again = await call(ANSWER, { input: { requestId: request.id, expectedVersion: 2, ...fullComment() } }, secretaryA());
    expect(again.data!.answerResidenceComment.userErrors).toEqual([
      { code: 'ILLEGAL_TRANSITION', field: 'requestId', message: 'Không thể ghi nhận xét khi đề nghị nhận xét đã có nhận xét.' },
    ]);
  });

  it('shows a comment altered in the database after it was signed as no longer valid, and so one signed by another key', async () => {
    const request = requestOf(p.teacherA);
    const SIGNED = 'query ($id: ID!) { residenceComment(id: $id) { comment { overall signatureValid } } }';
    const signed = async () => (await call(SIGNED, { id: request.id }, schoolSecretary())).data!.residenceComment.comment;
    const comments = tables.residenceComments;
    // As someone holding the database could: past the append-only trigger, which is what the signature guards against.
    const tamper = (changes: Partial<typeof comments.$inferInsert>, id: string) =>
      subgraph.db.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.update(comments).set(changes).where(eq(comments.id, id));
      });
    const [given] = await subgraph.db.db.select().from(comments).where(eq(comments.requestId, request.id));
    expect(await signed()).toMatchObject({ signatureValid: true });

    await tamper({ overall: 'Đảng viên gương mẫu, không có khuyết điểm.' }, given!.id);
    expect(await signed()).toEqual({ overall: 'Đảng viên gương mẫu, không có khuyết điểm.', signatureValid: false });

    // The content put back, but signed by a key other than the one the comment names: still refused.
    await tamper({ overall: given!.overall, signature: signHash(given!.hash, generateKeyPairSync('ed25519').privateKey) }, given!.id);
    expect(await signed()).toMatchObject({ signatureValid: false });

    await tamper({ signature: given!.signature }, given!.id);
    expect(await signed()).toMatchObject({ overall: given!.overall, signatureValid: true });
  });

  it('refuses a step taken on a version someone else moved past', async () => {
    const { data } = await call(ANSWER, { input: { requestId: requestOf(p.finance).id, expectedVersion: 7, ...fullComment() } }, secretaryA());
    expect(data!.answerResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['STALE_VERSION']);
  });

  it('refuses its own deputy commenting on themself as a working member', async () => {
    const { data } = await call(ANSWER, { input: { requestId: requestOf(p.deputyOfB).id, expectedVersion: 1, ...fullComment() } }, as(p.deputyOfB, ['DEPUTY_SECRETARY', o.villageB]));
    expect(data!.answerResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['OWN_COMMENT']);
  });

  it('is not reached by the secretary of another cell, nor by the secretary of another commune', async () => {
    for (const identity of [secretaryB(), as(p.outsider, ['SECRETARY', o.outsideCell])]) {
      const { errors } = await call(ANSWER, { input: { requestId: requestOf(p.finance).id, expectedVersion: 1, ...fullComment() } }, identity);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('who reads what', () => {
  const MEMBER = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { residenceComments { state dueOn answeredAt residenceCell { id } requestedBy { id } comment { overall } } } } }`;
  const ofMember = (member: Person, identity: Identity) => subgraph.call(MEMBER, { reps: [{ __typename: 'Member', id: member.id }] }, identity);

  it('shows the member that a comment was asked, of whom, by when and when it came back, but not what it says', async () => {
    const { data, errors } = await ofMember(p.teacherA, as(p.teacherA));
    expect(data!._entities[0].residenceComments[0]).toMatchObject({ state: 'ANSWERED', dueOn: DUE, answeredAt: expect.any(String), residenceCell: { id: o.villageA.id }, requestedBy: { id: o.school.id }, comment: null });
    expect(errors!.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['_entities.0.residenceComments.0.comment', 'FORBIDDEN']]);
  });

  it('lets the workplace secretary read the content, and records the read in the member’s access log', async () => {
    const before = await subgraph.db.db.$count(tables.auditEntries, eq(tables.auditEntries.action, 'residenceComment.contentRead'));
    const { data, errors } = await ofMember(p.teacherA, schoolSecretary());
    expect(errors).toBeUndefined();
    expect(data!._entities[0].residenceComments[0].comment.overall).toBe('Đồng chí gương mẫu, gắn bó với nhân dân nơi cư trú.');
    const entries = await subgraph.db.db
      .select()
      .from(tables.auditEntries)
      .where(and(eq(tables.auditEntries.action, 'residenceComment.contentRead'), eq(tables.auditEntries.subjectMemberId, p.teacherA.id)));
    expect(entries.length).toBe(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorId: p.secretary.id });
  });

  it('opens one request by id for those on its way, and answers null to anyone else, as for no request', async () => {
    const ONE = 'query ($id: ID!) { residenceComment(id: $id) { id state } }';
    const id = requestOf(p.teacherA).id;
    expect((await call(ONE, { id }, secretaryA())).data!.residenceComment).toEqual({ id, state: 'ANSWERED' });
    expect((await call(ONE, { id }, as(p.teacherA))).data!.residenceComment).toEqual({ id, state: 'ANSWERED' });
    expect((await call(ONE, { id }, secretaryB())).data!.residenceComment).toBeNull();
    expect((await call(ONE, { id }, as(p.finance, ['FINANCE_MEMBER', o.school]))).data!.residenceComment).toBeNull();
  });

  it('hides the content from the school’s finance member and the commune secretary, and the request from an unrelated cell', async () => {
    const finance = await ofMember(p.teacherA, as(p.finance, ['FINANCE_MEMBER', o.school]));
    expect(finance.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const other = await ofMember(p.teacherA, as(p.outsider, ['SECRETARY', o.outsideCell]));
    expect(other.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('routing through the commune committee', () => {
  it('is refused for a committee nobody in the system can act for, with a way out', async () => {
    const request = requestOf(p.teacherUnrouted);
    const { data } = await call(ROUTE, { input: { requestId: request.id, expectedVersion: 1, communeId: o.otherCommune.id } }, schoolSecretary());
    expect(data!.routeResidenceCommentToCommune.userErrors.map((e: { code: string }) => e.code)).toEqual(['COMMUNE_NOT_IN_SYSTEM']);
  });

  it('goes to the commune, which assigns one of its cells, which answers', async () => {
    const request = requestOf(p.teacherUnrouted);
    const routed = await call(ROUTE, { input: { requestId: request.id, expectedVersion: 1, communeId: o.commune.id } }, schoolSecretary());
    expect(routed.data!.routeResidenceCommentToCommune.request).toMatchObject({ state: 'AT_COMMUNE', commune: { id: o.commune.id }, version: 2 });
    const queue = await inboxOf(o.commune, communeSecretary());
    expect(queue.data!._entities[0].commentInbox.map((r: { id: string }) => r.id)).toContain(request.id);

    const outside = await call(ASSIGN, { input: { requestId: request.id, expectedVersion: 2, cellId: o.outsideCell.id } }, communeSecretary());
    expect(outside.data!.assignResidenceCommentCell.userErrors.map((e: { code: string }) => e.code)).toEqual(['CELL_NOT_UNDER_COMMUNE']);
    const byWorkplace = await call(ASSIGN, { input: { requestId: request.id, expectedVersion: 2, cellId: o.villageB.id } }, as(p.deputy, ['DEPUTY_SECRETARY', o.school]));
    expect(byWorkplace.data!.assignResidenceCommentCell.userErrors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN_ACTION']);

    const assigned = await call(ASSIGN, { input: { requestId: request.id, expectedVersion: 2, cellId: o.villageB.id } }, communeSecretary());
    expect(assigned.data!.assignResidenceCommentCell.request).toMatchObject({ state: 'AT_CELL', residenceCell: { id: o.villageB.id } });
    const answered = await call(ANSWER, { input: { requestId: request.id, expectedVersion: 3, ...fullComment('Đồng chí tham gia đầy đủ sinh hoạt ở khu dân cư.') } }, secretaryB());
    expect(answered.data!.answerResidenceComment.request.state).toBe('ANSWERED');
  });
});

describe('a residence outside the system', () => {
  it('goes on paper, and the workplace records the paper answer with its scan’s file name', async () => {
    const request = requestOf(p.teacherSilent);
    const sent = await call(PAPER, { input: { requestId: request.id, expectedVersion: 1, recipientName: 'Chi bộ tổ dân phố 5, phường Hoàn Kiếm', recipientAddress: 'Số 12 Hàng Bài, Hà Nội' } }, schoolSecretary());
    expect(sent.data!.sendResidenceCommentOnPaper.request).toMatchObject({ state: 'ON_PAPER', outsideRecipient: { name: 'Chi bộ tổ dân phố 5, phường Hoàn Kiếm' } });

    // The request to print: its Vietnamese read back from the PDF, with the font it embeds.
    const printed = (id: string, identity: Identity) =>
      subgraph.call(
        'query ($reps: [_Any!]!, $id: ID!) { _entities(representations: $reps) { ... on Organization { paperCommentRequest(requestId: $id) } } }',
        { reps: [{ __typename: 'Organization', id: o.school.id, path: o.school.path, name: 'Chi bộ Trường Tiểu học Gia Viễn' }], id },
        identity,
      );
    const answer = await printed(request.id, schoolSecretary());
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const pdf = Buffer.from(answer.data!._entities[0].paperCommentRequest, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, fonts } = readPdf(pdf);
    expect(fonts.some((font) => /OpenSans/.test(font))).toBe(true);
    const flat = text.replace(/\s+/g, '');
    for (const phrase of [
      'PHIẾU ĐỀ NGHỊ NHẬN XÉT ĐẢNG VIÊN',
      'Kính gửi: Chi bộ tổ dân phố 5, phường Hoàn Kiếm, Số 12 Hàng Bài, Hà Nội.',
      'Họ và tên: Bùi Thị Em',
      'đánh giá, xếp loại chất lượng đảng viên hằng năm',
      `Xin gửi lại trước: ${DUE.split('-').reverse().join('/')}`,
      '1. Nêu gương về phẩm chất chính trị, đạo đức, lối sống',
      'Sinh ngày: 17/05/1980',
      'T/M CHI ỦY NƠI CƯ TRÚ',
    ]) {
      expect(flat).toContain(phrase.replace(/\s+/g, ''));
    }
    // Not on paper: nothing to print; another organization's officer is refused.
    expect((await printed(requestOf(p.teacherA).id, schoolSecretary())).data!._entities[0].paperCommentRequest).toBeNull();
    expect((await printed(request.id, as(p.outsider, ['SECRETARY', o.outsideCell]))).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const badFile = await call(RECORD, { input: { requestId: request.id, expectedVersion: 2, receivedOn: '2026-11-01', overall: 'Chấp hành tốt', scanFileName: '../etc/passwd' } }, schoolSecretary());
    expect(badFile.data!.recordPaperResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_FILE_NAME']);
    const future = await call(RECORD, { input: { requestId: request.id, expectedVersion: 2, receivedOn: '2026-11-03', overall: 'Chấp hành tốt', scanFileName: 'nhan-xet.pdf' } }, schoolSecretary());
    expect(future.data!.recordPaperResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_RECEIVED_ON']);
    const recorded = await call(RECORD, { input: { requestId: request.id, expectedVersion: 2, receivedOn: '2026-11-01', overall: 'Chấp hành tốt quy định nơi cư trú', scanFileName: 'nhan-xet-bui-thi-em.pdf' } }, schoolSecretary());
    expect(recorded.data!.recordPaperResidenceComment.request).toMatchObject({ state: 'ANSWERED', comment: { sequence: 1, scanFileName: 'nhan-xet-bui-thi-em.pdf', paperReceivedOn: '2026-11-01', duties: [] } });
  });

  it('is replaced only by the workplace that recorded it, with a reason; both comments are kept and neither can be altered', async () => {
    const request = requestOf(p.teacherSilent);
    const noReason = await call(SUPERSEDE, { input: { requestId: request.id, expectedVersion: 3, reason: ' ', overall: 'x', receivedOn: '2026-11-02', scanFileName: 'b.pdf' } }, schoolSecretary());
    expect(noReason.data!.supersedeResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['REASON_REQUIRED']);
    const replaced = await call(
      SUPERSEDE,
      { input: { requestId: request.id, expectedVersion: 3, reason: 'Bản quét trước thiếu trang 2', overall: 'Chấp hành tốt quy định nơi cư trú', receivedOn: '2026-11-02', scanFileName: 'nhan-xet-bui-thi-em-2.pdf' } },
      schoolSecretary(),
    );
    expect(replaced.data!.supersedeResidenceComment.request.comment).toMatchObject({ sequence: 2, supersedeReason: 'Bản quét trước thiếu trang 2' });
    expect(replaced.data!.supersedeResidenceComment.request.commentHistory).toEqual([{ sequence: 1 }, { sequence: 2 }]);
    await expect(subgraph.db.db.execute(sql`update members.residence_comments set overall = 'sửa'`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });
});

describe('requestResidenceComment', () => {
  it('asks about an exempt member at any time, for personnel work', async () => {
    const { data } = await call(SINGLE, { input: { memberId: p.teacherExempt.id, purpose: 'PERSONNEL', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(data!.requestResidenceComment.request).toMatchObject({ state: 'AT_CELL', purpose: 'PERSONNEL', residenceCell: { id: o.villageA.id } });
    const twice = await call(SINGLE, { input: { memberId: p.teacherExempt.id, purpose: 'PERSONNEL', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(twice.data!.requestResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['OPEN_REQUEST_EXISTS']);
  });

  it('is refused about oneself, and about a member holding a role as high as the caller’s', async () => {
    const self = await call(SINGLE, { input: { memberId: p.secretary.id, purpose: 'AWARD', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(self.data!.requestResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['OWN_COMMENT']);
    const higher = await call(SINGLE, { input: { memberId: p.secretary.id, purpose: 'AWARD', dueOn: '2026-11-20' } }, as(p.deputy, ['DEPUTY_SECRETARY', o.school]));
    expect(higher.data!.requestResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['HIGHER_OFFICER']);
    // The commune's secretary is above the school's: they may ask about its secretary.
    const above = await call(SINGLE, { input: { memberId: p.secretary.id, purpose: 'AWARD', dueOn: '2026-11-20' } }, communeSecretary());
    expect(above.data!.requestResidenceComment.userErrors).toEqual([]);
  });

  it('refuses the yearly purpose, an unexplained OTHER, and a member outside the caller’s reach', async () => {
    const annual = await call(SINGLE, { input: { memberId: p.teacherA.id, purpose: 'ANNUAL_REVIEW', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(annual.data!.requestResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['ANNUAL_IS_A_CAMPAIGN']);
    const other = await call(SINGLE, { input: { memberId: p.teacherA.id, purpose: 'OTHER', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(other.data!.requestResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['REQUIRED']);
    const far = await call(SINGLE, { input: { memberId: p.outsider.id, purpose: 'AWARD', dueOn: '2026-11-20' } }, schoolSecretary());
    expect(far.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('is cancelled by the workplace with a reason', async () => {
    const request = requestOf(p.deputy);
    const { data } = await call(CANCEL, { input: { requestId: request.id, expectedVersion: 1, reason: 'Đồng chí chuyển công tác' } }, schoolSecretary());
    expect(data!.cancelResidenceComment.request.state).toBe('CANCELLED');
  });
});

describe('a residence change', () => {
  it('sends the unanswered requests to the new confirmed cell, or back to the workplace, and leaves answered ones', async () => {
    const store = membersStore(subgraph.db.db);
    await subgraph.db.db.update(tables.members).set({ residenceOrgId: o.villageA.id }).where(eq(tables.members.id, p.deputyOfB.id));
    const moved = await store.transaction((repos) => rerouteOpenRequests(repos, p.deputyOfB.id, o.villageA.id, '2026-11-02'));
    expect(moved).toEqual([{ id: requestOf(p.deputyOfB).id, from: 'AT_CELL', to: 'AT_CELL' }]);
    const unknown = await store.transaction((repos) => rerouteOpenRequests(repos, p.deputyOfB.id, o.silentVillage.id, '2026-11-02'));
    expect(unknown).toEqual([{ id: requestOf(p.deputyOfB).id, from: 'AT_CELL', to: 'AWAITING_ROUTING' }]);
    expect(await store.transaction((repos) => rerouteOpenRequests(repos, p.teacherA.id, o.villageB.id, '2026-11-02'))).toEqual([]);
    const back = await store.transaction((repos) => rerouteOpenRequests(repos, p.deputyOfB.id, o.villageB.id, '2026-11-02'));
    expect(back.map((m) => m.to)).toEqual(['AT_CELL']);
  });
});

describe('reminders and overdue counts', () => {
  it('reminds within a week of the due day, flags what is left after it, once, and counts per organization', async () => {
    await runJob(subgraph.db, commentReminders, { day: '2026-12-10' });
    const reminded = (await requestRows()).filter((row) => row.remindedOn === '2026-12-10').map((row) => row.memberId);
    expect(reminded.sort()).toEqual([p.secretary.id, p.finance.id, p.deputyOfB.id].sort());
    await runJob(subgraph.db, commentReminders, { day: '2026-12-16' });
    await runJob(subgraph.db, commentReminders, { day: '2026-12-17' });
    const overdue = (await requestRows()).filter((row) => row.overdueOn !== null);
    expect(overdue.map((row) => [row.memberId, row.overdueOn]).sort()).toEqual(
      [
        [p.secretary.id, '2026-12-16'],
        [p.finance.id, '2026-12-16'],
        [p.deputyOfB.id, '2026-12-16'],
        // The single requests due on 20 November, already past on the first run.
        [p.teacherExempt.id, '2026-12-10'],
        [p.secretary.id, '2026-12-10'],
      ].sort(),
    );
    const counts = await orgField(o.school, 'commentCounts { requested answered open overdue answeredLate }', as(p.communeSecretary, ['ANALYST', o.commune]));
    expect(counts.data!._entities[0].commentCounts).toEqual({ requested: 9, answered: 3, open: 5, overdue: 5, answeredLate: 0 });
  });
});

// Last: these add requests the counts above do not expect.
describe('the processing officer of a committee’s office (docs/rules/roles.md#processing-officer)', () => {
  it('is asked by the commune’s processing officer, who cannot answer for the residence cell; one of another commune is refused', async () => {
    const officer = as(p.deputy, ['PROCESSING_OFFICER', o.commune]);
    const asked = await call(SINGLE, { input: { memberId: p.teacherA.id, purpose: 'DISCIPLINE', dueOn: '2026-11-25' } }, officer);
    expect(asked.data!.requestResidenceComment).toMatchObject({ request: { state: 'AT_CELL', requestedBy: { id: o.school.id }, residenceCell: { id: o.villageA.id } }, userErrors: [] });
    const request = asked.data!.requestResidenceComment.request;
    expect(request.availableActions).toEqual(['CANCEL']);
    const answered = await call(ANSWER, { input: { requestId: request.id, expectedVersion: 1, ...fullComment() } }, officer);
    expect(answered.data!.answerResidenceComment.userErrors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    const elsewhere = await call(SINGLE, { input: { memberId: p.teacherA.id, purpose: 'AWARD', dueOn: '2026-11-25' } }, as(p.deputy, ['PROCESSING_OFFICER', o.otherCommune]));
    expect(elsewhere.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('opens a yearly campaign by the processing officer of the committee over the workplace', async () => {
    const opened = await call(OPEN, { input: { organizationId: o.outsideCell.id, dueOn: DUE } }, as(p.secretaryB, ['PROCESSING_OFFICER', o.otherCommune]));
    expect(opened.data!.openCommentCampaign.userErrors).toEqual([]);
    expect(opened.data!.openCommentCampaign.campaign).toMatchObject({ year: 2026, dueOn: DUE });
  });
});

// Last as well: its requests come after the counts above.
describe('routing by the commune code of the residence (docs/rules/residence-comments.md#routing)', () => {
  it('sends the request of a member without a confirmed residence cell to the committee serving their commune, which assigns a cell', async () => {
    const { db } = subgraph.db;
    // As organization.typed leaves it once each commune committee's unit is set: Gia Viễn's has officers, Kim Sơn's none.
    await db.update(tables.organizationKinds).set({ administrativeUnitCode: '14464' }).where(eq(tables.organizationKinds.orgId, o.commune.id));
    await db.update(tables.organizationKinds).set({ administrativeUnitCode: '14638' }).where(eq(tables.organizationKinds.orgId, o.otherCommune.id));
    const living = await buildMember(db, o.school, { fullName: 'Phan Thị Liên', residenceProvinceCode: '37', residenceCommuneCode: '14464' });
    const unserved = await buildMember(db, o.school, { fullName: 'Kiều Văn Minh', residenceProvinceCode: '37', residenceCommuneCode: '14638' });

    const asked = await call(SINGLE, { input: { memberId: living.id, purpose: 'PERSONNEL', dueOn: '2026-11-30' } }, schoolSecretary());
    expect(asked.data!.requestResidenceComment).toMatchObject({ request: { state: 'AT_COMMUNE', commune: { id: o.commune.id }, residenceCell: null }, userErrors: [] });
    const request = asked.data!.requestResidenceComment.request;
    const inbox = await inboxOf(o.commune, communeSecretary());
    expect(inbox.data!._entities[0].commentInbox.map((r: { id: string }) => r.id)).toContain(request.id);
    const assigned = await call(ASSIGN, { input: { requestId: request.id, expectedVersion: 1, cellId: o.villageA.id } }, communeSecretary());
    expect(assigned.data!.assignResidenceCommentCell.request).toMatchObject({ state: 'AT_CELL', residenceCell: { id: o.villageA.id } });

    // A committee nobody in the system acts for cannot receive it: the workplace routes it as before.
    const waiting = await call(SINGLE, { input: { memberId: unserved.id, purpose: 'PERSONNEL', dueOn: '2026-11-30' } }, schoolSecretary());
    expect(waiting.data!.requestResidenceComment.request).toMatchObject({ state: 'AWAITING_ROUTING', commune: null });
  });

  it('does the same for a yearly campaign, and a confirmed residence cell still comes first', async () => {
    const { db } = subgraph.db;
    const cell = await buildOrganization(db, { parent: o.commune, name: 'Chi bộ Trường Mầm non Gia Viễn' });
    const secretary = await buildMember(db, cell, { fullName: 'Tô Thị Ngọc' });
    await grantRole(db, secretary, 'SECRETARY', cell);
    const byCode = await buildMember(db, cell, { fullName: 'La Văn Oanh', residenceProvinceCode: '37', residenceCommuneCode: '14464' });
    const byCell = await buildMember(db, cell, { fullName: 'Âu Thị Phương', residenceProvinceCode: '37', residenceCommuneCode: '14464', residenceOrgId: o.villageB.id });
    const opened = await call(OPEN, { input: { organizationId: cell.id, dueOn: DUE } }, as(secretary, ['SECRETARY', cell]));
    const requests = opened.data!.openCommentCampaign.campaign.requests as { member: { id: string }; state: string; commune: { id: string } | null; residenceCell: { id: string } | null }[];
    expect(requests.find((r) => r.member.id === byCode.id)).toMatchObject({ state: 'AT_COMMUNE', commune: { id: o.commune.id } });
    expect(requests.find((r) => r.member.id === byCell.id)).toMatchObject({ state: 'AT_CELL', residenceCell: { id: o.villageB.id }, commune: null });
  });
});

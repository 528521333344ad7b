import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { signAccessToken, vietnamDay, type Identity, type Role } from '@dangvu/subgraph-kit';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { officerOf as officerOfIn, post } from './http-helpers.ts';

/**
 * Both transfer procedures through the gateway, between organizations of the demo province: the facts the
 * transfers subgraph needs come from the members, organization and dues subgraphs by federation, and the
 * member moves in the members subgraph through the outbox.
 */
let platform: TestPlatform;
let handle: DbHandle;
type Org = typeof tables.organizations.$inferSelect;
type MemberRow = typeof tables.members.$inferSelect;

const today = vietnamDay(new Date());
const shift = (days: number) => vietnamDay(new Date(Date.now() + days * 86_400_000));
const monthsLater = (months: number) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  return target.toISOString().slice(0, 10);
};

let cell: Org;
let commune: Org;
let otherCommune: Org;
let otherCell: Org;
/** Officers as the demo data has them, each with the grant they act under. */
const officers: Record<string, Identity> = {};

const officerOf = (org: Org, role: Role) => officerOfIn(handle.db, org, role);

const as = async (identity: Identity) => ({ authorization: `Bearer ${await signAccessToken(identity, platform.authSigningKey)}` });
const self = (member: MemberRow): Identity => ({ personId: member.id, grants: [], partner: null });

async function call(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await post(platform, { query, variables }, await as(identity));
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const PAYLOAD = 'transfer { id code state version } userErrors { code field message }';
async function step(name: string, input: Record<string, unknown>, identity: Identity) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const data = await call(identity, `mutation ($input: ${type}!) { ${name}(input: $input) { ${PAYLOAD} } }`, { input });
  return data[name] as { transfer: { id: string; code: string; state: string; version: number } | null; userErrors: { code: string }[] };
}

/** A member of `org` without a role, whose months before this one are paid. */
async function memberOf(org: Org, rosterNumber: number): Promise<MemberRow> {
  const [member] = await handle.db.select().from(tables.members).where(and(eq(tables.members.orgId, org.id), eq(tables.members.rosterNumber, rosterNumber)));
  await handle.db
    .update(tables.obligations)
    .set({ status: 'PAID_CASH', paidAt: new Date() })
    .where(and(eq(tables.obligations.memberId, member!.id), lt(tables.obligations.period, `${today.slice(0, 7)}-01`)));
  return member!;
}

async function start(member: MemberRow, input: Record<string, unknown>, destination: Org | null) {
  const vouchers = await call(
    self(member),
    `query ($member: ID!, $destination: ID!) { member(id: $member) { transferVoucher } organization(id: $destination) { transferVoucher } }`,
    { member: member.id, destination: (destination ?? otherCell).id },
  );
  return step(
    'startTransfer',
    {
      memberVoucher: vouchers.member.transferVoucher,
      ...(destination ? { destinationVoucher: vouchers.organization.transferVoucher } : {}),
      reason: 'Chuyển công tác',
      decisionReference: `Quyết định 15/QĐ-UBND ngày ${shift(-7)}`,
      effectiveOn: shift(-7),
      selfReview: 'Trong năm qua tôi hoàn thành tốt nhiệm vụ.',
      ...input,
    },
    self(member),
  );
}

/** Submit, review by the cell, the letter by the commune (its voucher read through the gateway), hand over. */
async function toHandOver(id: string, member: MemberRow) {
  expect((await step('submitTransfer', { transferId: id, expectedVersion: 1 }, self(member))).userErrors).toEqual([]);
  expect((await step('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: today, conclusion: 'Chi bộ nhất trí' }, officers.cell!)).userErrors).toEqual([]);
  const { transfer } = await call(officers.commune!, 'query ($id: ID!) { transfer(id: $id) { member { transferLetterVoucher } } }', { id });
  const issued = await step('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: transfer.member.transferLetterVoucher }, officers.commune!);
  expect(issued.userErrors).toEqual([]);
  expect((await step('handOverTransferDossier', { transferId: id, expectedVersion: 4 }, officers.commune!)).transfer!.state).toBe('IN_TRANSIT');
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 2 });
  const orgs = await handle.db.select().from(tables.organizations);
  cell = orgs.find((o) => o.name === platform.demo.member.cellName)!;
  commune = orgs.find((o) => o.id === cell.parentId)!;
  otherCommune = orgs.find((o) => o.type === 'PROVINCE_SUBORDINATE' && o.id !== commune.id)!;
  const secretaries = await handle.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.role, 'SECRETARY'));
  otherCell = orgs.find((o) => o.parentId === otherCommune.id && o.type === 'GRASSROOTS_CELL' && secretaries.some((g) => g.orgId === o.id))!;
  Object.assign(officers, {
    cell: await officerOf(cell, 'SECRETARY'),
    commune: await officerOf(commune, 'SECRETARY'),
    otherCell: await officerOf(otherCell, 'SECRETARY'),
    otherCommune: await officerOf(otherCommune, 'DEPUTY_SECRETARY'),
  });
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

describe('an official transfer between two communes of the demo province', () => {
  it('moves the member to the receiving cell once the receiving cell accepts, and the sending side sees it at once', async () => {
    const member = await memberOf(cell, 15);
    const [before] = await handle.db.select().from(tables.memberCounts).where(eq(tables.memberCounts.orgId, otherCell.id));
    const started = await start(member, { kind: 'OFFICIAL' }, otherCell);
    expect(started.userErrors).toEqual([]);
    const id = started.transfer!.id;
    expect(started.transfer!.code).toMatch(new RegExp(`^${cell.code.replace(/\./g, '\\.')}-\\d{4}-\\d{4}$`));

    const dossier = await call(self(member), 'query ($code: String!) { transferByCode(code: $code) { id issuingRoute issuingOrganization { name } toOrganization { name } nextDeadline { kind } } }', {
      code: started.transfer!.code.toLowerCase(),
    });
    expect(dossier.transferByCode).toEqual({ id, issuingRoute: 'SUPERIOR', issuingOrganization: { name: commune.name }, toOrganization: { name: otherCell.name }, nextDeadline: { kind: 'START' } });

    await toHandOver(id, member);
    const awaiting = await call(officers.commune!, 'query ($id: ID!) { organization(id: $id) { transfersAwaitingReceipt { id nextDeadline { kind workingDaysLeft } } } }', { id: commune.id });
    expect(awaiting.organization.transfersAwaitingReceipt).toContainEqual({ id, nextDeadline: { kind: 'PRESENT_LETTER', workingDaysLeft: 30 } });
    const inbox = await call(officers.otherCommune!, 'query ($id: ID!) { organization(id: $id) { transferInbox { reason transfer { id memberName } } } }', { id: otherCommune.id });
    expect(inbox.organization.transferInbox).toContainEqual({ reason: 'RECEIVE', transfer: { id, memberName: member.fullName } });

    expect((await step('receiveTransfer', { transferId: id, expectedVersion: 5 }, officers.otherCommune!)).transfer!.state).toBe('RECEIVED');
    expect((await step('checkTransferDossierItems', { transferId: id, items: ['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL'] }, officers.otherCell!)).userErrors).toEqual([]);
    expect((await step('acceptTransfer', { transferId: id, expectedVersion: 6, rosterNumber: 99 }, officers.otherCell!)).transfer!.state).toBe('COMPLETED');

    const sent = await call(officers.commune!, 'query ($id: ID!) { organization(id: $id) { transfersAwaitingReceipt { id } } }', { id: commune.id });
    expect(sent.organization.transfersAwaitingReceipt).not.toContainEqual({ id });
    const moved = await eventually(
      async () => (await handle.db.select().from(tables.members).where(eq(tables.members.id, member.id)))[0]!,
      (row) => row.orgId === otherCell.id,
    );
    expect(moved).toMatchObject({ orgId: otherCell.id, orgPath: otherCell.path, rosterNumber: 99 });
    const [after] = await eventually(
      () => handle.db.select().from(tables.memberCounts).where(eq(tables.memberCounts.orgId, otherCell.id)),
      (rows) => rows[0]?.members === (before?.members ?? 0) + 1,
    );
    expect(after!.members).toBe((before?.members ?? 0) + 1);

    const done = await call(self(member), 'query ($id: ID!) { transfer(id: $id) { state signaturesValid letter { number duesPaidThrough } timeline { action side } } }', { id });
    expect(done.transfer).toMatchObject({ state: 'COMPLETED', signaturesValid: true, letter: { duesPaidThrough: expect.stringMatching(/^\d{4}-\d{2}$/) } });
    expect(done.transfer.timeline.map((s: { action: string }) => s.action)).toEqual(['START', 'SUBMIT', 'REVIEW', 'ISSUE_LETTER', 'HAND_OVER', 'RECEIVE', 'ACCEPT']);
  });

  it('refuses the letter, in Vietnamese, while the member owes dues from before this month', async () => {
    const member = await memberOf(cell, 16);
    await handle.db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null })
      .where(and(eq(tables.obligations.memberId, member.id), sql`${tables.obligations.period} = (select max(period) from dues.obligations where member_id = ${member.id} and period < ${`${today.slice(0, 7)}-01`})`));
    const id = (await start(member, { kind: 'OFFICIAL' }, otherCell)).transfer!.id;
    await step('submitTransfer', { transferId: id, expectedVersion: 1 }, self(member));
    await step('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: today, conclusion: 'Nhất trí' }, officers.cell!);
    const { transfer } = await call(officers.commune!, 'query ($id: ID!) { transfer(id: $id) { member { transferLetterVoucher } } }', { id });
    const refused = await step('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: transfer.member.transferLetterVoucher }, officers.commune!);
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'DUES_UNPAID', message: expect.stringContaining('chi bộ cần thu đủ trước khi cấp giấy giới thiệu') })]);
  });
});

describe('an official transfer to an organization outside the system', () => {
  it('completes on the return slip the commune records, and the member leaves nowhere inside the system', async () => {
    const member = await memberOf(cell, 17);
    const started = await start(member, { kind: 'OFFICIAL', outsideDestination: { name: 'Đảng ủy Bộ Xây dựng', address: '37 Lê Đại Hành, Hà Nội' } }, null);
    expect(started.userErrors).toEqual([]);
    const id = started.transfer!.id;
    await toHandOver(id, member);
    const slip = await step('recordExternalReceipt', { transferId: id, expectedVersion: 5, slipReference: 'Phiếu báo số 3', receivedOn: today }, officers.commune!);
    expect(slip.transfer!.state).toBe('COMPLETED');
    const [event] = await handle.db.select().from(tables.outboxEvents).where(and(eq(tables.outboxEvents.topic, 'member.transferredOut'), eq(tables.outboxEvents.aggregateId, member.id)));
    expect(event!.payload).toMatchObject({ transferId: id, destinationName: 'Đảng ủy Bộ Xây dựng' });
    const gone = await eventually(
      async () => (await handle.db.select().from(tables.members).where(eq(tables.members.id, member.id)))[0]!,
      (row) => row.activityStatus === 'TRANSFERRED_OUT',
    );
    expect({ status: gone.activityStatus, orgId: gone.orgId }).toEqual({ status: 'TRANSFERRED_OUT', orgId: cell.id });
  });
});

describe('a temporary transfer with an extension and its end', () => {
  it('is hosted by the receiving cell, extended by it, and ended back home, the home cell keeping the member', async () => {
    const member = await memberOf(cell, 18);
    const started = await start(member, { kind: 'TEMPORARY', effectiveOn: today, endsOn: monthsLater(6) }, otherCell);
    expect(started.userErrors).toEqual([]);
    const id = started.transfer!.id;
    await toHandOver(id, member);
    await step('receiveTransfer', { transferId: id, expectedVersion: 5 }, officers.otherCell!);
    await step('checkTransferDossierItems', { transferId: id, items: ['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL'] }, officers.otherCell!);
    expect((await step('acceptTransfer', { transferId: id, expectedVersion: 6 }, officers.otherCell!)).transfer!.state).toBe('HOSTED');
    const hostOf = async () =>
      (await call(officers.cell!, 'query ($id: ID!) { member(id: $id) { activityStatus temporaryHost { organization { name } until } } }', { id: member.id })).member;
    expect(await eventually(hostOf, (m) => m.temporaryHost !== null)).toEqual({
      activityStatus: 'TEMP_AWAY',
      temporaryHost: { organization: { name: otherCell.name }, until: monthsLater(6) },
    });
    const tooLong = await step('extendTemporaryTransfer', { transferId: id, expectedVersion: 7, endsOn: monthsLater(13), reason: 'Kéo dài' }, officers.otherCell!);
    expect(tooLong.userErrors.map((e) => e.code)).toEqual(['MUST_BE_OFFICIAL']);
    expect((await step('extendTemporaryTransfer', { transferId: id, expectedVersion: 7, endsOn: monthsLater(10), reason: 'Kéo dài' }, officers.otherCell!)).transfer!.state).toBe('EXTENDED');
    expect((await step('endTemporaryTransfer', { transferId: id, expectedVersion: 8, endedOn: today }, officers.otherCell!)).transfer!.state).toBe('ENDED');
    const [home] = await handle.db.select().from(tables.members).where(eq(tables.members.id, member.id));
    expect(home!.orgId).toBe(cell.id);
    const hosts = await handle.db.select().from(tables.outboxEvents).where(and(eq(tables.outboxEvents.topic, 'member.temporaryHostChanged'), eq(tables.outboxEvents.aggregateId, member.id)));
    expect(hosts.map((e) => (e.payload as { host: { until: string } | null }).host?.until ?? null)).toEqual([monthsLater(6), monthsLater(10), null]);
    expect(await eventually(hostOf, (m) => m.temporaryHost === null)).toEqual({ activityStatus: 'ACTIVE', temporaryHost: null });
  });
});

describe('a partner system given transfers:read', () => {
  it('reads a dossier by its code through the gateway; one without the scope reads nothing of it', async () => {
    const member = await memberOf(cell, 19);
    const { code } = (await start(member, { kind: 'OFFICIAL' }, otherCell)).transfer!;
    const [province] = await handle.db.select().from(tables.organizations).where(isNull(tables.organizations.parentId));
    const admin = { personId: member.id, grants: [{ role: 'ADMIN' as const, orgId: province!.id, orgPath: province!.path }], partner: null };
    const tokenFor = async (scopes: string[]) => {
      const registered = (
        await call(admin, 'mutation ($scopes: [String!]!) { registerPartnerClient(input: { name: "Cổng dịch vụ công tỉnh", scopes: $scopes }) { partner { id } clientSecret userErrors { code } } }', { scopes })
      ).registerPartnerClient;
      expect(registered.userErrors).toEqual([]);
      const issued = await post(platform, {
        query: 'mutation ($id: ID!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { token } }',
        variables: { id: registered.partner.id, secret: registered.clientSecret },
      });
      return { authorization: `Bearer ${issued.body.data!.partnerToken.token}` };
    };
    const BY_CODE = { query: 'query ($code: String!) { transferByCode(code: $code) { code state kind } }', variables: { code } };
    const allowed = await post(platform, BY_CODE, await tokenFor(['transfers:read']));
    expect(allowed.body).toEqual({ data: { transferByCode: { code, state: 'DRAFT', kind: 'OFFICIAL' } } });
    const without = await post(platform, BY_CODE, await tokenFor(['members:read']));
    expect(without.body.data!.transferByCode).toBeNull();
  });
});

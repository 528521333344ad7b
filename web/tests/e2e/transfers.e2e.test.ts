import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { buildAccount } from '@dangvu/drizzle/testing';
import { runJob, signAccessToken, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { jobs } from '@dangvu/subgraph-transfers/jobs';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { seedDemoTransfers } from '@dangvu/scripts/src/demo-transfers.ts';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, openRecord, sendCredentials, signIn, startHarness, type Harness } from './harness.ts';

/**
 * Both transfer procedures on a phone, across the roles of the demo province: the member (or the cell's
 * secretary for them) asks, the cell reviews, the commune committee issues the letter and hands it over, and
 * the receiving cell in another commune receives and accepts, or refuses.
 */
let harness: Harness;
let handle: DbHandle;
type Org = typeof tables.organizations.$inferSelect;
let cell: Org;
let commune: Org;
let otherCommune: Org;
let otherCell: Org;
/** The demo logins of the commune committee that issues letters and of the receiving cell in another commune. */
const ISSUER = 'COMMITTEE_SECRETARY';
const RECEIVER = 'RECEIVING_SECRETARY';
const officers: Record<string, Identity> = {};

const today = vietnamDay(new Date());
const typedDay = (day: string) => day.split('-').reverse().join('/');
const shift = (days: number) => vietnamDay(new Date(Date.now() + days * 86_400_000));
const monthsLater = (months: number) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10);
};

async function officerOf(org: Org): Promise<Identity> {
  const [grant] = await handle.db
    .select()
    .from(tables.roleGrants)
    .where(and(eq(tables.roleGrants.orgId, org.id), eq(tables.roleGrants.role, 'SECRETARY'), isNull(tables.roleGrants.endsOn)));
  return { personId: grant!.memberId, grants: [{ role: 'SECRETARY', orgId: org.id, orgPath: org.path }], partner: null };
}

/** Every month before this one paid, or (`owing`) the last of them left unpaid. */
async function setDues(memberId: string, owing = false) {
  await handle.db
    .update(tables.obligations)
    .set({ status: 'PAID_CASH', paidAt: new Date() })
    .where(and(eq(tables.obligations.memberId, memberId), lt(tables.obligations.period, `${today.slice(0, 7)}-01`)));
  if (owing) {
    await handle.db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null })
      .where(
        and(
          eq(tables.obligations.memberId, memberId),
          sql`${tables.obligations.period} = (select max(period) from dues.obligations where member_id = ${memberId} and period < ${`${today.slice(0, 7)}-01`})`,
        ),
      );
  }
}

/** A step through the API, for dossiers a test only needs brought to where its own part begins. */
async function api(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(harness.platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await signAccessToken(identity, harness.platform.authSigningKey)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function apiStep(identity: Identity, name: string, input: Record<string, unknown>) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const data = await api(identity, `mutation ($input: ${type}!) { ${name}(input: $input) { transfer { id code version } userErrors { code message } } }`, { input });
  expect(data[name].userErrors).toEqual([]);
  return data[name].transfer as { id: string; code: string; version: number };
}

/** A dossier opened by the member's secretary through the API and taken as far as `until`. */
async function dossierUntil(memberId: string, until: 'SUBMITTED' | 'REVIEWED' | 'IN_TRANSIT' | 'RECEIVED', start: Record<string, unknown> = {}) {
  const vouchers = await api(officers.cell!, 'query ($m: ID!, $d: ID!) { member(id: $m) { transferVoucher } organization(id: $d) { transferVoucher } }', { m: memberId, d: otherCell.id });
  let dossier = await apiStep(officers.cell!, 'startTransfer', {
    kind: 'OFFICIAL',
    memberVoucher: vouchers.member.transferVoucher,
    destinationVoucher: vouchers.organization.transferVoucher,
    reason: 'Chuyển công tác',
    decisionReference: 'Quyết định 15/QĐ-UBND',
    effectiveOn: shift(-7),
    selfReview: 'Hoàn thành tốt nhiệm vụ.',
    ...start,
  });
  const next = (identity: Identity, name: string, input: Record<string, unknown> = {}) =>
    apiStep(identity, name, { transferId: dossier.id, expectedVersion: dossier.version, ...input }).then((moved) => (dossier = moved));
  await next(officers.cell!, 'submitTransfer');
  if (until === 'SUBMITTED') return dossier;
  await next(officers.cell!, 'reviewTransfer', { meetingOn: today, conclusion: 'Chi bộ nhất trí' });
  if (until === 'REVIEWED') return dossier;
  const letter = await api(officers.commune!, 'query ($id: ID!) { transfer(id: $id) { member { transferLetterVoucher } } }', { id: dossier.id });
  await next(officers.commune!, 'issueTransferLetter', { letterVoucher: letter.transfer.member.transferLetterVoucher });
  await next(officers.commune!, 'handOverTransferDossier');
  if (until === 'IN_TRANSIT') return dossier;
  await next(officers.otherCell!, 'receiveTransfer');
  return dossier;
}

/** Signs in as the demo account of `role`, whoever was signed in before. */
async function signInAsDemo(role: string) {
  await harness.browser.clearCookies();
  await signIn(harness, role);
}

/** Opens a dossier's page by its address, and waits until it can be used. */
async function openDossier(id: string) {
  await harness.page.goto(`${harness.baseUrl}/chuyen-sinh-hoat/${id}`);
  await harness.page.waitForSelector('html[data-hydrated]');
}

/** The request form's first step, to the receiving cell in the other commune: the area, then the cell. */
async function chooseOtherCell() {
  const { page } = harness;
  await page.getByRole('heading', { name: 'Bước 1. Loại chuyển và nơi đến' }).waitFor();
  await page.waitForSelector('html[data-hydrated]');
  await page.getByLabel('Đảng bộ nơi đến (khi chuyển trong hệ thống)').selectOption({ label: otherCommune.name });
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByLabel(`Chi bộ nơi đến, thuộc ${otherCommune.name}`).selectOption({ label: otherCell.name });
}

/** Presses a step's button and waits for its answer, said beside its form. */
async function press(name: string, answer: string | RegExp) {
  const { page } = harness;
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByText(answer).first().waitFor();
}

/** A whole procedure across four sign-ins on a loaded machine takes minutes, not the default minute. */
const WHOLE_PROCEDURE_MS = 300_000;

const stateShown = () => harness.page.locator('.badges').innerText();

beforeAll(async () => {
  harness = await startHarness();
  handle = createDb(harness.platform.databaseUrl, { max: 2 });
  const orgs = await handle.db.select().from(tables.organizations);
  cell = orgs.find((o) => o.name === harness.platform.demo.member.cellName)!;
  commune = orgs.find((o) => o.id === cell.parentId)!;
  otherCell = orgs.find((o) => o.id === harness.platform.seed.receivingCell.id)!;
  otherCommune = orgs.find((o) => o.id === otherCell.parentId)!;
  Object.assign(officers, { cell: await officerOf(cell), commune: await officerOf(commune), otherCell: await officerOf(otherCell) });
  await harness.page.setViewportSize({ width: 360, height: 740 });
}, 180_000);
afterAll(async () => {
  await handle?.close();
  await harness?.stop();
});

describe('an official transfer between two communes, on a phone', () => {
  it('runs from the member’s request to the receiving cell’s acceptance, each side offered only its own step', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 7);
    await setDues(member.id);

    await signInAsDemo('MEMBER');
    await page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Chuyển sinh hoạt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chuyển sinh hoạt đảng' }).waitFor();
    await page.getByRole('link', { name: 'Làm đề nghị chuyển sinh hoạt đảng' }).click();
    await chooseOtherCell();
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Lập hồ sơ' }), page.getByLabel('Bản tự kiểm điểm của đảng viên')]);
    // Sent with a reason left out: said beside the field, and what was typed stays.
    await page.getByLabel('Số và ngày của quyết định').fill('Quyết định 125/QĐ-UBND ngày 02/03/2026');
    await page.getByLabel('Ngày quyết định có hiệu lực').fill(typedDay(shift(-7)));
    await page.getByLabel('Bản tự kiểm điểm của đảng viên').fill('Trong thời gian sinh hoạt tại chi bộ, tôi luôn hoàn thành tốt nhiệm vụ được giao.');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.getByText('Cần ghi lý do chuyển').waitFor();
    expect(await page.getByLabel('Số và ngày của quyết định').inputValue()).toBe('Quyết định 125/QĐ-UBND ngày 02/03/2026');
    await page.getByLabel('Lý do chuyển').fill('Chuyển công tác về phường mới');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    const id = page.url().split('/').pop()!;
    const code = (await page.locator('h1 .code').innerText()).trim();
    expect(code).toMatch(new RegExp(`^${cell.code.replace(/\./g, '\\.')}-\\d{4}-\\d{4}$`));
    expect(await stateShown()).toContain('Đang soạn');
    expect(await page.locator('.next').innerText()).toMatch(/^Hạn bắt đầu chuyển: hạn \d{2}\/\d{2}\/\d{4}, còn \d+ ngày làm việc$/);
    // The member is offered their own steps only.
    expect(await page.locator('.step h3').allInnerTexts()).toEqual(['Gửi đề nghị lên chi bộ', 'Rút đề nghị']);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Gửi chi bộ' })]);
    expect(await axeViolations(page)).toEqual([]);
    await press('Gửi chi bộ', 'Đã gửi đề nghị lên chi bộ.');
    expect(await stateShown()).toContain('Đã nộp');
    expect(await page.locator('.step').count()).toBe(1);

    // The cell's secretary finds it in the cell's inbox and records the meeting.
    await signInAsDemo('SECRETARY');
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const inbox = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${cell.name}` }) });
    const row = inbox.getByRole('row', { name: new RegExp(code) }).first();
    expect(await row.innerText()).toContain('Chi bộ xét đề nghị');
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL(`**/chuyen-sinh-hoat/${id}`);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('.step h3').allInnerTexts()).toEqual([
      'Ghi kết quả họp chi bộ xét đề nghị',
      'Trả lại để đảng viên bổ sung',
      'Chi bộ không đồng ý',
      'Rút đề nghị',
    ]);
    await page.getByLabel('Kết luận của chi bộ').fill('Chi bộ nhất trí đề nghị chuyển sinh hoạt đảng chính thức.');
    await press('Ghi kết quả họp', 'Đã ghi kết quả họp chi bộ');
    expect(await stateShown()).toContain('Chi bộ đã xét');

    // The commune's secretary issues the letter, downloads it, and hands the dossier over.
    await signInAsDemo(ISSUER);
    await openDossier(id);
    await press('Cấp giấy giới thiệu', 'Đã cấp giấy giới thiệu.');
    expect(await stateShown()).toContain('Đã cấp giấy giới thiệu');
    const letter = page.locator('section', { has: page.getByRole('heading', { name: 'Giấy giới thiệu sinh hoạt đảng' }) });
    expect(await letter.innerText()).toMatch(/Đã đóng đảng phí hết\s+tháng \d{1,2}\/\d{4}/);
    expect(await letter.innerText()).toContain('Mẫu chuyển chính thức (10 ô)');
    const [download] = await Promise.all([page.waitForEvent('download'), letter.getByRole('link', { name: 'Tải giấy giới thiệu (PDF) để in' }).click()]);
    expect(download.suggestedFilename()).toBe(`giay-gioi-thieu-${code}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await press('Đã giao hồ sơ', 'Đã ghi niêm phong và giao hồ sơ cho đảng viên.');
    expect(await stateShown()).toContain('Đang chuyển');
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const sent = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${commune.name}` }) });
    const awaiting = sent.locator('table').last().getByRole('row', { name: new RegExp(code) });
    expect(await awaiting.innerText()).toMatch(/Hạn xuất trình giấy giới thiệu: hạn \d{2}\/\d{2}\/\d{4}, còn 30 ngày làm việc/);
    await expectFitsPhone(page);

    // The receiving cell receives it, is held to checking every item, and accepts with a roster number.
    await signInAsDemo(RECEIVER);
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const incoming = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${otherCell.name}` }) });
    expect(await incoming.getByRole('row', { name: new RegExp(code) }).innerText()).toContain('Tiếp nhận hồ sơ');
    await openDossier(id);
    await press('Đã nhận hồ sơ', 'Đã ghi nhận đảng viên xuất trình giấy giới thiệu và hồ sơ.');
    await page.getByLabel('Số danh sách đảng viên trong chi bộ').fill('51');
    await press('Tiếp nhận đảng viên', 'Chưa kiểm đủ hồ sơ theo danh mục');
    expect(await stateShown()).toContain('Nơi đến đã nhận');
    // Two items checked and saved: each is kept with who checked it and when, and acceptance still waits.
    await page.getByRole('checkbox', { name: /Giấy giới thiệu sinh hoạt đảng/ }).check();
    await page.getByRole('checkbox', { name: /Lý lịch đảng viên/ }).check();
    await press('Lưu các thành phần đã kiểm', 'Đã ghi các thành phần hồ sơ đã kiểm.');
    expect(await page.getByRole('checkbox', { name: /Lý lịch đảng viên/ }).isChecked()).toBe(true);
    expect(await page.locator('.checked-by').count()).toBe(2);
    expect(await page.locator('.checked-by').first().innerText()).toMatch(/^Đã kiểm: đồng chí .+, \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
    await press('Tiếp nhận đảng viên', 'còn: Phiếu đảng viên');
    for (const box of await page.getByRole('checkbox', { disabled: false }).all()) await box.check();
    await page.getByLabel('Số danh sách đảng viên trong chi bộ').fill('51');
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Tiếp nhận đảng viên' })]);
    await press('Tiếp nhận đảng viên', 'Đã tiếp nhận đảng viên');
    expect(await stateShown()).toContain('Hoàn thành');
    expect(await page.locator('.step').count()).toBe(0);
    const steps = await page.locator('.timeline .what').allInnerTexts();
    expect(steps.map((step) => step.split(':')[0])).toEqual([
      'Lập hồ sơ',
      'Gửi đề nghị lên chi bộ',
      'Chi bộ họp xét',
      'Cấp giấy giới thiệu',
      'Niêm phong, giao hồ sơ cho đảng viên',
      'Nơi đến nhận hồ sơ',
      'Nơi đến tiếp nhận đảng viên',
    ]);
    expect(await page.locator('main').innerText()).toContain('Chữ ký số của mọi bước còn nguyên vẹn.');

    // The member's register follows: moved, with the roster number given.
    const moved = async () => (await handle.db.select().from(tables.members).where(eq(tables.members.id, member.id)))[0]!;
    const deadline = Date.now() + 10_000;
    while ((await moved()).orgId !== otherCell.id && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await moved()).toMatchObject({ orgId: otherCell.id, rosterNumber: 51 });
  }, WHOLE_PROCEDURE_MS);
});

describe('a temporary transfer asked by the secretary for a member, on a phone', () => {
  it('is hosted by the receiving cell, extended and ended there, the secretary’s work for the member recorded', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 20);
    await setDues(member.id);

    await signInAsDemo('SECRETARY');
    await openRecord(harness, member.id);
    await page.getByRole('link', { name: 'Làm đề nghị chuyển sinh hoạt đảng thay đồng chí này' }).click();
    await page.getByRole('heading', { name: 'Bước 1. Loại chuyển và nơi đến' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain(`Đảng viên: ${member.fullName}`);
    await page.getByRole('radio', { name: /Chuyển tạm thời/ }).check();
    await page.getByLabel('Đảng bộ nơi đến (khi chuyển trong hệ thống)').selectOption({ label: otherCommune.name });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel(`Chi bộ nơi đến, thuộc ${otherCommune.name}`).selectOption({ label: otherCell.name });
    await page.getByLabel('Lý do chuyển').fill('Đi làm việc có thời hạn ở phường bạn');
    await page.getByLabel('Số và ngày của quyết định').fill('Quyết định 40/QĐ-UBND');
    await page.getByLabel('Ngày quyết định có hiệu lực').fill(typedDay(today));
    await page.getByLabel('Ngày dự kiến kết thúc sinh hoạt tạm thời').fill(typedDay(monthsLater(6)));
    await page.getByLabel('Bản tự kiểm điểm của đảng viên').fill('Tôi chấp hành tốt nghị quyết của chi bộ.');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    const id = page.url().split('/').pop()!;
    expect(await stateShown()).toContain('Chuyển tạm thời');
    await press('Gửi chi bộ', 'Đã gửi đề nghị lên chi bộ.');
    expect(await page.locator('.timeline .who').first().innerText()).toContain(`thực hiện thay đồng chí ${member.fullName}`);
    await page.getByLabel('Kết luận của chi bộ').fill('Nhất trí.');
    await press('Ghi kết quả họp', 'Đã ghi kết quả họp chi bộ');

    await signInAsDemo(ISSUER);
    await openDossier(id);
    await press('Cấp giấy giới thiệu', 'Đã cấp giấy giới thiệu.');
    expect(await page.locator('main').innerText()).toContain('Mẫu chuyển tạm thời (8 ô)');
    await press('Đã giao hồ sơ', 'Đã ghi niêm phong và giao hồ sơ cho đảng viên.');

    await signInAsDemo(RECEIVER);
    await openDossier(id);
    await press('Đã nhận hồ sơ', 'Đã ghi nhận đảng viên xuất trình giấy giới thiệu và hồ sơ.');
    // A temporary member gets no roster number here: their home cell keeps them.
    expect(await page.getByLabel('Số danh sách đảng viên trong chi bộ').count()).toBe(0);
    for (const box of await page.getByRole('checkbox', { disabled: false }).all()) await box.check();
    await press('Tiếp nhận đảng viên', 'Đã tiếp nhận đảng viên');
    expect(await stateShown()).toContain('Đang sinh hoạt tạm thời');
    await page.getByLabel('Ngày kết thúc mới').fill(typedDay(monthsLater(13)));
    await page.getByLabel('Lý do gia hạn').fill('Công việc kéo dài');
    await press('Gia hạn', /phải chuyển sinh hoạt đảng chính thức/);
    expect(await stateShown()).toContain('Đang sinh hoạt tạm thời');
    await page.getByLabel('Ngày kết thúc mới').fill(typedDay(monthsLater(10)));
    await press('Gia hạn', 'Đã gia hạn sinh hoạt tạm thời.');
    expect(await stateShown()).toContain('Đã gia hạn');
    expect(await page.locator('main').innerText()).toContain(typedDay(monthsLater(10)));
    // The host lists the member apart from its own, to the extended end, marked not counted and without a vote.
    const hostedRow = async () => {
      await page.goto(`${harness.baseUrl}/to-chuc/${otherCell.id}`);
      const section = page.getByRole('region', { name: /Đảng viên sinh hoạt tạm thời/ });
      return (await section.count()) ? section.getByRole('row').filter({ hasText: member.fullName }).innerText() : '';
    };
    await expect.poll(hostedRow, { timeout: 20_000 }).toContain(typedDay(monthsLater(10)));
    const row = await hostedRow();
    expect(row).toContain(cell.name);
    expect(row).toContain('Sinh hoạt tạm thời, không tính vào số đảng viên, không biểu quyết');
    expect(await page.getByRole('region', { name: /^Đảng viên \(/ }).innerText()).not.toContain(member.fullName);
    await openDossier(id);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Kết thúc sinh hoạt tạm thời' })]);
    await press('Kết thúc sinh hoạt tạm thời', 'Đã kết thúc sinh hoạt tạm thời');
    expect(await stateShown()).toContain('Đã kết thúc sinh hoạt tạm thời');
    await expect.poll(hostedRow, { timeout: 20_000 }).toBe('');
    const [home] = await handle.db.select().from(tables.members).where(eq(tables.members.id, member.id));
    expect(home!.orgId).toBe(cell.id);
  }, WHOLE_PROCEDURE_MS);
});

describe('a request opened for an elderly member by the ward’s support team, on a phone', () => {
  it('asks for the member’s consent, and the dossier says who did it for whom', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 28);
    const helper = await demoCellMember(harness, 29);
    await handle.db.insert(tables.roleGrants).values({ memberId: helper.id, role: 'SUPPORT_TEAM', orgId: commune.id, orgPath: commune.path, startsOn: shift(-30) });
    await buildAccount(handle.db, { id: helper.id }, 'hotro.phuong', 'Dangvu@2026');
    await harness.browser.clearCookies();
    await page.goto(`${harness.baseUrl}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    await sendCredentials(harness, 'hotro.phuong', 'Dangvu@2026');
    await page.waitForURL('**/ho-so');

    await openRecord(harness, member.id);
    await page.getByRole('link', { name: 'Làm đề nghị chuyển sinh hoạt đảng thay đồng chí này' }).click();
    await chooseOtherCell();
    await page.getByLabel('Lý do chuyển').fill('Về ở với con ở phường bạn');
    await page.getByLabel('Số và ngày của quyết định').fill('Quyết định nghỉ hưu 12/QĐ-UBND');
    await page.getByLabel('Ngày quyết định có hiệu lực').fill(typedDay(shift(-3)));
    await page.getByLabel('Bản tự kiểm điểm của đảng viên').fill('Tôi luôn chấp hành tốt nghị quyết của chi bộ.');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.getByText('Tổ hỗ trợ chỉ làm thay khi đảng viên đồng ý').first().waitFor();
    expect(page.url()).toContain('/chuyen-sinh-hoat/moi');
    await expectFitsPhone(page, [page.getByLabel(/Đảng viên đồng ý cho làm thay/)]);

    await page.getByLabel(/Đảng viên đồng ý cho làm thay/).fill('Đồng ý trực tiếp tại nhà, có con gái chứng kiến');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    const first = page.locator('.timeline li').first();
    expect(await first.locator('.who').innerText()).toContain(`do đồng chí ${helper.fullName} thực hiện thay đồng chí ${member.fullName}`);
    expect(await first.locator('.note').innerText()).toContain('Đảng viên đồng ý: Đồng ý trực tiếp tại nhà, có con gái chứng kiến');
    // The support team sends it to the cell too, again with the consent; the cell's own steps are not offered.
    await page.getByLabel(/Đảng viên đồng ý cho làm thay/).first().fill('Đồng ý qua điện thoại hôm nay');
    await press('Gửi chi bộ', 'Đã gửi đề nghị lên chi bộ.');
    expect(await stateShown()).toContain('Đã nộp');
    expect(await page.getByRole('button', { name: 'Ghi kết quả họp' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, WHOLE_PROCEDURE_MS);
});

describe('an official transfer to an organization outside the system', () => {
  it('is asked with the organization’s name and address, and completed on the return slip the commune records', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 23);
    await setDues(member.id);
    await signInAsDemo('SECRETARY');
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat/moi?dang-vien=${member.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('radio', { name: /Tổ chức đảng ngoài hệ thống/ }).check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Tên tổ chức đảng nơi đến').fill('Đảng ủy Bộ Xây dựng');
    await page.getByLabel('Địa chỉ tổ chức đảng nơi đến').fill('37 Lê Đại Hành, Hai Bà Trưng, Hà Nội');
    await page.getByLabel('Lý do chuyển').fill('Chuyển công tác về Bộ Xây dựng');
    await page.getByLabel('Số và ngày của quyết định').fill('Quyết định 310/QĐ-BXD');
    await page.getByLabel('Ngày quyết định có hiệu lực').fill(typedDay(shift(-3)));
    await page.getByLabel('Bản tự kiểm điểm của đảng viên').fill('Hoàn thành tốt nhiệm vụ.');
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    const id = page.url().split('/').pop()!;
    expect(await page.locator('main').innerText()).toContain('Đảng ủy Bộ Xây dựng (ngoài hệ thống), 37 Lê Đại Hành');
    await press('Gửi chi bộ', 'Đã gửi đề nghị lên chi bộ.');
    await page.getByLabel('Kết luận của chi bộ').fill('Nhất trí.');
    await press('Ghi kết quả họp', 'Đã ghi kết quả họp chi bộ');

    await signInAsDemo(ISSUER);
    await openDossier(id);
    await press('Cấp giấy giới thiệu', 'Đã cấp giấy giới thiệu.');
    await press('Đã giao hồ sơ', 'Đã ghi niêm phong và giao hồ sơ cho đảng viên.');
    await page.getByLabel('Số và ngày của phiếu báo').fill('Phiếu báo số 12, ngày ' + typedDay(today));
    await page.getByLabel('Ngày nơi đến tiếp nhận đảng viên').fill(typedDay(today));
    await press('Ghi phiếu báo', 'Đã ghi phiếu báo của nơi đến; hồ sơ hoàn thành.');
    expect(await stateShown()).toContain('Hoàn thành');
  }, WHOLE_PROCEDURE_MS);
});

describe('what the screens refuse, and say why', () => {
  it('shows the receiving cell’s refusal and its reason to the sending side', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 21);
    await setDues(member.id);
    const { id } = await dossierUntil(member.id, 'RECEIVED');
    await signInAsDemo(RECEIVER);
    await openDossier(id);
    await page.getByLabel('Lý do không tiếp nhận (thiếu thành phần nào, thiếu xác nhận nào)').fill('Hồ sơ thiếu phiếu đảng viên.');
    await press('Không tiếp nhận', 'Đã ghi không tiếp nhận, kèm lý do.');

    await signInAsDemo('SECRETARY');
    await openDossier(id);
    expect(await stateShown()).toContain('Nơi đến không tiếp nhận');
    expect(await page.locator('.timeline li').last().innerText()).toContain('Hồ sơ thiếu phiếu đảng viên.');
    expect(await page.locator('.step').count()).toBe(0);
  }, WHOLE_PROCEDURE_MS);

  it('returns a dossier to the member with what is missing, which the member reads and sends again', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 25);
    await setDues(member.id);
    await buildAccount(handle.db, { id: member.id }, 'dangvien.bosung', 'Dangvu@2026');
    const { id } = await dossierUntil(member.id, 'SUBMITTED');
    await signInAsDemo('SECRETARY');
    await openDossier(id);
    await press('Trả lại để bổ sung', 'Cần ghi những gì cần bổ sung.');
    expect(await stateShown()).toContain('Đã nộp');
    await page.getByLabel('Cần bổ sung, sửa những gì').fill('Bản tự kiểm điểm còn thiếu phần ưu điểm, khuyết điểm.');
    await press('Trả lại để bổ sung', 'Đã trả hồ sơ để đảng viên bổ sung.');
    expect(await stateShown()).toContain('Trả lại để bổ sung');

    await harness.browser.clearCookies();
    await page.goto(`${harness.baseUrl}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    await sendCredentials(harness, 'dangvien.bosung', 'Dangvu@2026');
    await page.waitForURL('**/ho-so');
    await openDossier(id);
    expect(await stateShown()).toContain('Trả lại để bổ sung');
    expect(await page.locator('.timeline li').last().innerText()).toContain('Bản tự kiểm điểm còn thiếu phần ưu điểm, khuyết điểm.');
    await press('Gửi chi bộ', 'Đã gửi đề nghị lên chi bộ.');
    expect(await stateShown()).toContain('Đã nộp');
  }, WHOLE_PROCEDURE_MS);

  it('records the cell’s refusal only with its reason, and ends the dossier there', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 26);
    await setDues(member.id);
    const { id } = await dossierUntil(member.id, 'SUBMITTED');
    await signInAsDemo('SECRETARY');
    await openDossier(id);
    await press('Không đồng ý', 'Cần ghi lý do.');
    expect(await stateShown()).toContain('Đã nộp');
    await page.getByLabel('Lý do chi bộ không đồng ý').fill('Đồng chí đang trong thời gian xem xét kỷ luật.');
    await press('Không đồng ý', 'Đã ghi chi bộ không đồng ý.');
    expect(await stateShown()).toContain('Chi bộ không đồng ý');
    expect(await page.locator('.timeline li').last().innerText()).toContain('Đồng chí đang trong thời gian xem xét kỷ luật.');
    expect(await page.locator('.step').count()).toBe(0);
  }, WHOLE_PROCEDURE_MS);

  it('withdraws a dossier with its reason, after which nothing more can be done on it', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 27);
    await setDues(member.id);
    const { id } = await dossierUntil(member.id, 'REVIEWED');
    await signInAsDemo('SECRETARY');
    await openDossier(id);
    await page.getByLabel('Lý do rút đề nghị').fill('Quyết định điều động đã được thu hồi.');
    await press('Rút đề nghị', 'Đã rút đề nghị chuyển sinh hoạt.');
    expect(await stateShown()).toContain('Đã hủy');
    expect(await page.locator('.timeline li').last().innerText()).toContain('Quyết định điều động đã được thu hồi.');
    expect(await page.locator('.step').count()).toBe(0);
  }, WHOLE_PROCEDURE_MS);

  it('issues no letter while the member owes a month before this one, saying so, and leaves the dossier as it was', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 22);
    await setDues(member.id, true);
    const { id } = await dossierUntil(member.id, 'REVIEWED');
    await signInAsDemo(ISSUER);
    await openDossier(id);
    await page.getByRole('button', { name: 'Cấp giấy giới thiệu', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'chi bộ cần thu đủ trước khi cấp giấy giới thiệu' });
    await refusal.waitFor();
    expect(await stateShown()).toContain('Chi bộ đã xét');
    expect(await page.getByRole('heading', { name: 'Giấy giới thiệu sinh hoạt đảng', exact: true }).count()).toBe(0);
  });

  it('opens the dossier from the letter’s QR code, through the sign-in when signed out, and records the handover there', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 24);
    await setDues(member.id);
    const { id, code } = await dossierUntil(member.id, 'IN_TRANSIT');
    const { transfer } = await api(officers.commune!, 'query ($id: ID!) { transfer(id: $id) { letter { link number } } }', { id });
    // Scanned on a phone not signed in: the sign-in page, then straight back to the dossier.
    await harness.browser.clearCookies();
    await page.goto(transfer.letter.link.replace(/^https?:\/\/[^/]+/, harness.baseUrl));
    await page.waitForURL(/\/dang-nhap\?tiep=/);
    await page.waitForSelector('html[data-hydrated]');
    const receiver = harness.platform.accounts.find((account) => account.role === RECEIVER)!;
    await sendCredentials(harness, receiver.username, receiver.password);
    await page.waitForURL(`**/chuyen-sinh-hoat/${id}?giay=*`);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('h1 .code').innerText()).toBe(code);
    await page.getByLabel('Nơi bàn giao').fill('Văn phòng Đảng ủy phường');
    await press('Ghi nhận bàn giao', 'Đã ghi lần bàn giao hồ sơ này.');
    expect(await page.locator('.timeline li').last().innerText()).toContain('Bàn giao hồ sơ (quét mã QR)');
  }, WHOLE_PROCEDURE_MS);
});

describe('the demo’s transfer dossiers', () => {
  let demoDossiers: Awaited<ReturnType<typeof seedDemoTransfers>> = [];
  it('are opened through the platform in four states, and show in the demo secretary’s desk with their deadlines', async () => {
    const sql = postgres(harness.platform.databaseUrl, { max: 1, onnotice: () => {} });
    const made = (demoDossiers = await seedDemoTransfers(sql, { url: harness.platform.gatewayUrl, authSigningKey: harness.platform.authSigningKey }, cell.name).finally(() => sql.end()));
    expect(made.map((dossier) => dossier.state)).toEqual(['SUBMITTED', 'REVIEWED', 'IN_TRANSIT', 'HOSTED']);
    for (const dossier of made) expect(dossier.code).toMatch(new RegExp(`^${cell.code.replace(/\./g, '\\.')}-\\d{4}-\\d{4}$`));

    const { page } = harness;
    await signInAsDemo('SECRETARY');
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const desk = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${cell.name}` }) });
    expect(await desk.getByRole('row', { name: new RegExp(made[0]!.code) }).innerText()).toContain('Chi bộ xét đề nghị');
    expect(await desk.locator('table').last().getByRole('row', { name: new RegExp(made[2]!.code) }).innerText()).toMatch(/còn \d+ ngày làm việc/);
  }, WHOLE_PROCEDURE_MS);

  it('wait for the demo logins of the ward committee and the receiving cell, each offered its own next step', async () => {
    const { page } = harness;
    const [, reviewed, inTransit] = demoDossiers;
    await signInAsDemo(ISSUER);
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const committee = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${commune.name}` }) });
    await committee.getByRole('row', { name: new RegExp(reviewed!.code) }).getByRole('link', { name: reviewed!.code }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByRole('button', { name: 'Cấp giấy giới thiệu', exact: true }).count()).toBe(1);

    await signInAsDemo(RECEIVER);
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    const incoming = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${otherCell.name}` }) });
    expect(await incoming.getByRole('row', { name: new RegExp(inTransit!.code) }).innerText()).toContain('Tiếp nhận hồ sơ');
    await incoming.getByRole('row', { name: new RegExp(inTransit!.code) }).getByRole('link', { name: inTransit!.code }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByRole('button', { name: 'Đã nhận hồ sơ', exact: true }).count()).toBe(1);
  }, WHOLE_PROCEDURE_MS);
});

describe('a request that stalls at the cell', () => {
  it('reaches the ward committee’s inbox once the daily job finds it held too long, with the day it was flagged', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 30);
    const { id, code } = await dossierUntil(member.id, 'SUBMITTED');
    // Submitted six weeks ago and not reviewed since: past the ten working days the cell has.
    await handle.db.update(tables.transfers).set({ lastStepOn: shift(-42) }).where(eq(tables.transfers.id, id));
    const [deadlines] = jobs;
    expect((await runJob(handle, deadlines!, { day: today })).status).toBe('done');

    await signInAsDemo(ISSUER);
    await page.goto(`${harness.baseUrl}/chuyen-sinh-hoat`);
    await page.waitForSelector('html[data-hydrated]');
    const committee = page.locator('section', { has: page.getByRole('heading', { name: `Việc chờ ${commune.name}` }) });
    const row = committee.getByRole('row', { name: new RegExp(code) });
    expect(await row.innerText()).toContain(`Chậm xử lý ở cấp dưới, từ ${typedDay(today)}`);
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL(/\/chuyen-sinh-hoat\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    // The committee sees the stalled request; the cell's own review is not offered to it.
    expect(await stateShown()).toContain('Đã nộp');
    expect(await page.getByRole('button', { name: 'Ghi kết quả họp' }).count()).toBe(0);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await axeViolations(page)).toEqual([]);
  }, WHOLE_PROCEDURE_MS);
});

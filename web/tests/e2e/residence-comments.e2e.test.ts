import { createDb, tables } from '@dangvu/drizzle';
import { buildAccount } from '@dangvu/drizzle/testing';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { readPdf } from '@dangvu/subgraph-kit/testing';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, sendCredentials, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
const PASSWORD = 'Nhan xet noi cu tru 2026';
/** The workplace cell of the demo commune whose members live in the demo cell, and people of the procedure. */
const t = {} as { workplaceName: string; communeName: string; unroutedName: string; soldierName: string; answeredName: string; outsideName: string };

/** The demo data as the procedure needs it: a workplace cell of the demo commune with members living in the demo cell. */
async function prepare(h: Harness) {
  const handle = createDb(h.platform.databaseUrl, { max: 1 });
  try {
    const { db } = handle;
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, h.platform.demo.member.cellName));
    const [commune] = await db.select().from(tables.organizations).where(eq(tables.organizations.id, cell!.parentId!));
    const [workplace] = await db
      .select({ id: tables.members.orgId, count: sql<number>`count(*)::int` })
      .from(tables.members)
      .where(and(eq(tables.members.residenceOrgId, cell!.id), ne(tables.members.orgId, cell!.id)))
      .groupBy(tables.members.orgId)
      .orderBy(sql`count(*) desc`)
      .limit(1);
    const [workplaceOrg] = await db.select().from(tables.organizations).where(eq(tables.organizations.id, workplace!.id));
    const secretaryOf = async (orgId: string) =>
      (await db.select().from(tables.roleGrants).where(and(eq(tables.roleGrants.orgId, orgId), eq(tables.roleGrants.role, 'SECRETARY'), isNull(tables.roleGrants.endsOn))))[0]!.memberId;
    await buildAccount(db, { id: await secretaryOf(workplace!.id) }, 'bithu.noilamviec', PASSWORD);
    const staff = await db
      .select()
      .from(tables.members)
      .where(and(eq(tables.members.orgId, workplace!.id), eq(tables.members.activityStatus, 'ACTIVE'), inArray(tables.members.residenceOrgId, [cell!.id])))
      .orderBy(tables.members.rosterNumber);
    // One whose residence cell the commune has not confirmed, and whose residence's commune code the register does
    // not hold (with it, the request would go to that commune's committee by itself): the workplace sends it there.
    const unrouted = staff.at(-1)!;
    await db.update(tables.members).set({ residenceOrgId: null, residenceCommuneCode: null }).where(eq(tables.members.id, unrouted.id));
    // And one who lives where no party organization is on the platform: the request goes on paper.
    const outside = staff.at(-3)!;
    await db.update(tables.members).set({ residenceOrgId: null, residenceCommuneCode: null }).where(eq(tables.members.id, outside.id));
    Object.assign(t, {
      workplaceName: workplaceOrg!.name,
      communeName: commune!.name,
      unroutedName: unrouted.fullName,
      soldierName: staff.at(-2)!.fullName,
      answeredName: staff[3]!.fullName,
      outsideName: outside.fullName,
    });
  } finally {
    await handle.close();
  }
}

async function signInAs(h: Harness, username: string, password = PASSWORD) {
  await h.page.goto(`${h.baseUrl}/dang-nhap`);
  await h.page.waitForSelector('html[data-hydrated]');
  await sendCredentials(h, username, password);
  await h.page.waitForURL('**/ho-so');
  await h.page.waitForSelector('html[data-hydrated]');
}

async function openComments(h: Harness) {
  await h.page.getByRole('navigation', { name: 'Chính' }).getByRole('link', { name: 'Nhận xét nơi cư trú' }).click();
  await h.page.getByRole('heading', { level: 1, name: 'Nhận xét nơi cư trú' }).waitFor();
  await h.page.waitForSelector('html[data-hydrated]');
}

const nextMonth = () => {
  const day = new Date(Date.now() + 30 * 86_400_000);
  return `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
};

beforeAll(async () => {
  harness = await startHarness();
  await prepare(harness);
});
afterAll(() => harness?.stop());

describe('a yearly campaign between a workplace cell and the residence cells', () => {
  it('is opened by the workplace secretary, with a member in barracks left out and listed', async () => {
    await signInAs(harness, 'bithu.noilamviec');
    await openComments(harness);
    const { page } = harness;
    await page.getByRole('link', { name: 'Mở đợt lấy ý kiến hằng năm' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mở đợt lấy ý kiến nhận xét hằng năm' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Hạn gửi nhận xét', { exact: true }).fill('31/02/2026');
    await page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    await page.locator('#dueOn-error').waitFor();
    expect(await page.locator('#dueOn-error').textContent()).toContain('ngày/tháng/năm');
    await page.getByLabel('Hạn gửi nhận xét', { exact: true }).fill(nextMonth());
    await page.getByLabel(t.soldierName).selectOption('BARRACKS');
    await page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận xét nơi cư trú' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain(`Đợt năm ${new Date(Date.now() + 30 * 86_400_000).getUTCFullYear()}`);
    expect(main).toContain(t.answeredName);
    expect(main).not.toContain(t.soldierName);
  });

  it('sends the request without a confirmed residence cell to the commune committee', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: t.unroutedName }).click();
    await page.getByRole('heading', { level: 1, name: t.unroutedName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain('Chờ chuyển đến nơi cư trú');
    await page.getByLabel('Đảng ủy xã, phường', { exact: true }).selectOption({ label: t.communeName });
    await page.getByRole('button', { name: 'Chuyển đề nghị' }).click();
    await page.getByText('Đảng ủy xã, phường đang giao chi bộ').waitFor();
    await signOut(harness);
  });

  it('goes on paper to a residence outside the system, and the workplace records the paper answer with its scan', async () => {
    await signInAs(harness, 'bithu.noilamviec');
    await openComments(harness);
    const { page } = harness;
    await page.getByRole('link', { name: t.outsideName }).click();
    await page.getByRole('heading', { level: 1, name: t.outsideName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('button', { name: 'Ghi nhận đã gửi bằng giấy' }).click();
    await page.locator('#recipientName-error').waitFor();
    await page.getByLabel('Tổ chức đảng nơi cư trú', { exact: true }).fill('Chi bộ khu phố 3, phường Bến Thành');
    await page.getByLabel('Địa chỉ nhận', { exact: true }).fill('12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh');
    await page.getByRole('button', { name: 'Ghi nhận đã gửi bằng giấy' }).click();
    await page.getByRole('heading', { name: 'Ghi nhận bản nhận xét bằng giấy' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Chi bộ khu phố 3, phường Bến Thành');
    // The request to post, printed with its Vietnamese right.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải phiếu đề nghị nhận xét (PDF) để in, ký và gửi' }).click()]);
    const printed = readPdf(await readFile((await download.path())!)).text.replace(/\s+/g, '');
    for (const phrase of ['PHIẾU ĐỀ NGHỊ NHẬN XÉT ĐẢNG VIÊN', 'Kính gửi: Chi bộ khu phố 3, phường Bến Thành', `Họ và tên: ${t.outsideName}`, 'T/M CHI ỦY NƠI CƯ TRÚ']) {
      expect(printed).toContain(phrase.replace(/\s+/g, ''));
    }

    await page.getByLabel('Ngày nhận', { exact: true }).fill(new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }));
    await page.getByLabel('Tóm tắt nội dung nhận xét', { exact: true }).fill('Đồng chí giữ gìn phẩm chất, gương mẫu ở khu phố.');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.locator('#scanFileName-error').waitFor();
    expect(await page.getByLabel('Tóm tắt nội dung nhận xét', { exact: true }).inputValue()).toBe('Đồng chí giữ gìn phẩm chất, gương mẫu ở khu phố.');
    await page.getByLabel('Tên tệp bản quét', { exact: true }).fill('nhan-xet-khu-pho-3.pdf');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByText('tệp quét nhan-xet-khu-pho-3.pdf').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đã có nhận xét');
    expect(main).toContain('Nhận xét chung: Đồng chí giữ gìn phẩm chất, gương mẫu ở khu phố.');
    expect(main).toContain('✓ Chữ ký hợp lệ');
    await signOut(harness);
  });

  it('is given a cell by the commune committee', async () => {
    // The commune committee's secretary has a demo login.
    const committee = harness.platform.accounts.find((account) => account.role === 'COMMITTEE_SECRETARY')!;
    await signInAs(harness, committee.username, committee.password);
    await openComments(harness);
    const { page } = harness;
    await page.getByRole('link', { name: t.unroutedName }).click();
    await page.getByRole('heading', { level: 1, name: t.unroutedName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Chi bộ', { exact: true }).selectOption({ label: harness.platform.demo.member.cellName });
    await page.getByRole('button', { name: 'Giao chi bộ' }).click();
    await page.getByText('Chi bộ nơi cư trú đang nhận xét').waitFor();
    await signOut(harness);
  });

  it('is answered on a phone by the residence cell’s secretary, on every duty, after a refusal that keeps what was typed', async () => {
    await signIn(harness, 'SECRETARY');
    await openComments(harness);
    const { page } = harness;
    const inbox = await page.locator('main').innerText();
    expect(inbox).toContain(t.unroutedName);
    expect(inbox).toContain(t.answeredName);
    await page.getByRole('link', { name: t.answeredName }).click();
    await page.getByRole('heading', { level: 1, name: t.answeredName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    await expectFitsPhone(page, [page.getByLabel('Mức thực hiện').first(), page.getByRole('button', { name: 'Ký và gửi nhận xét' })]);
    for (const select of await page.getByLabel('Mức thực hiện').all()) await select.selectOption('WELL');
    await page.getByLabel('Mức thực hiện').nth(2).selectOption('EXCUSED');
    await page.getByLabel('Nhận xét chung', { exact: true }).fill('Tốt');
    await page.getByRole('button', { name: 'Ký và gửi nhận xét' }).click();
    await page.locator('#overall-error').waitFor();
    expect(await page.locator('#overall-error').textContent()).toBe('Hãy ghi nhận xét chung (ít nhất 10 ký tự).');
    expect(await page.getByLabel('Mức thực hiện').nth(2).inputValue()).toBe('EXCUSED');
    await page.getByLabel('Nhận xét chung', { exact: true }).fill('Đồng chí gương mẫu, tham gia đầy đủ sinh hoạt khu dân cư.');
    await page.getByRole('button', { name: 'Ký và gửi nhận xét' }).click();
    await page.getByRole('status').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đã gửi nhận xét về tổ chức nơi đảng viên công tác.');
    expect(main).toContain('Đã có nhận xét');
    expect(main).toContain('Nhận xét chung: Đồng chí gương mẫu, tham gia đầy đủ sinh hoạt khu dân cư.');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut(harness);
  });

  it('comes back to the workplace, whose secretary reads it and sees the counts', async () => {
    await signInAs(harness, 'bithu.noilamviec');
    await openComments(harness);
    const { page } = harness;
    // The paper answer and the residence cell's.
    expect(await page.locator('main').innerText()).toMatch(/2 đã có nhận xét/);
    await page.getByRole('link', { name: t.answeredName }).click();
    await page.getByRole('heading', { level: 1, name: t.answeredName }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Được miễn');
    expect(main).toContain('Thay mặt chi ủy:');
    expect(main).toContain('✓ Chữ ký hợp lệ: nhận xét còn nguyên như khi');
    await signOut(harness);
  });
});

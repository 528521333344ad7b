import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { axeViolations, demoCellMember, expectFitsPhone, isInView, openRecord, signIn, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let memberId: string;

beforeAll(async () => {
  harness = await startHarness();
  memberId = (await demoCellMember(harness, 13)).id;
});
afterAll(() => harness?.stop());

const section = (harness: Harness, heading: string) => harness.page.locator('section', { has: harness.page.getByRole('heading', { name: heading, exact: true }) });

describe('the ward administrator manages a member’s account and roles', () => {
  it('issues the account, locks it and unlocks it', async () => {
    await signIn(harness, 'ADMIN');
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/dang-vien/${memberId}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    await page.locator('.code').waitFor();
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    expect(await section(harness, 'Tài khoản đăng nhập').innerText()).toContain('Chờ kích hoạt');
    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await page.getByRole('button', { name: 'Có, khóa tài khoản' }).click();
    await page.getByText('Đã khóa').waitFor();
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await page.getByText('Chờ kích hoạt').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gives a role in the member’s cell and ends it', async () => {
    const { page } = harness;
    await page.locator('#role').selectOption({ label: 'Phó bí thư' });
    await page.getByLabel('Tại tổ chức').selectOption({ label: harness.platform.demo.member.cellName });
    await page.getByLabel('Từ ngày').fill('01/01/2026');
    await page.getByRole('button', { name: 'Giao chức trách' }).click();
    const roles = section(harness, 'Chức trách');
    await roles.getByRole('button', { name: 'Kết thúc' }).waitFor();
    expect(await roles.innerText()).toContain('Phó bí thư');
    await roles.getByRole('button', { name: 'Kết thúc' }).click();
    await roles.getByRole('button', { name: 'Có, kết thúc chức trách' }).click();
    await roles.getByText(/đến \d{2}\/\d{2}\/\d{4}/).waitFor();
    expect(await roles.getByRole('button', { name: 'Kết thúc' }).count()).toBe(0);
  });

  it('works on a phone: the account and role forms fit, and the account is locked and unlocked', async () => {
    const { page } = harness;
    const lock = page.getByRole('button', { name: 'Khóa tài khoản' });
    await expectFitsPhone(page, [lock, page.locator('#role'), page.getByLabel('Tại tổ chức'), page.getByRole('button', { name: 'Giao chức trách' })]);
    await lock.click();
    await page.getByRole('button', { name: 'Có, khóa tài khoản' }).click();
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await lock.waitFor();
    await expectFitsPhone(page);
  });
});

describe('the administrator is shown each answer where she is looking', () => {
  it('takes her to the refusal of "Giao chức trách" on a phone, beside the field it concerns', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    // The cell has its secretary already: the API refuses a second one beside the role.
    await page.locator('#role').selectOption({ label: 'Bí thư' });
    await page.getByLabel('Tại tổ chức').selectOption({ label: harness.platform.demo.member.cellName });
    await page.getByRole('button', { name: 'Giao chức trách' }).click();
    const refusal = page.locator('#role-error');
    await refusal.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('role');
    expect(await isInView(page, refusal)).toBe(true);
    expect(await isInView(page, page.locator('#role'))).toBe(true);
    expect(await refusal.getAttribute('role')).toBe('alert');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('steps that cannot be undone ask first and say what will happen', () => {
  const account = (harness: Harness) => section(harness, 'Tài khoản đăng nhập');

  it('asks before revoking, saying it cannot be undone, and going back changes nothing', async () => {
    const { page } = harness;
    await account(harness).getByRole('button', { name: 'Thu hồi tài khoản' }).click();
    const question = page.getByRole('group', { name: /^Thu hồi hẳn tài khoản của đồng chí/ });
    await question.waitFor();
    expect(await question.innerText()).toContain('Việc này không hoàn tác được.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
    expect(await axeViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Không, quay lại' }).click();
    await account(harness).getByRole('button', { name: 'Thu hồi tài khoản', exact: true }).waitFor();
    expect(await question.count()).toBe(0);
    expect(await account(harness).innerText()).toContain('Chờ kích hoạt');
  });

  it('asks without scripts too, at the account on the page that answers, and only the confirmation revokes', async () => {
    const other = await demoCellMember(harness, 15);
    const plain = await launchBrowser(inject('browser'), { locale: 'vi-VN', javaScript: false });
    try {
      await plain.context.addCookies(await harness.browser.cookies(harness.baseUrl));
      const page = await plain.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${harness.baseUrl}/dang-vien/${other.id}`);
      await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
      await page.locator('.code').waitFor();
      await page.goto(`${harness.baseUrl}/dang-vien/${other.id}`);
      await page.getByRole('button', { name: 'Thu hồi tài khoản', exact: true }).click();
      const question = page.getByRole('group', { name: `Thu hồi hẳn tài khoản của đồng chí ${other.fullName}?` });
      await question.waitFor();
      expect(await isInView(page, page.getByRole('heading', { name: 'Tài khoản đăng nhập' }))).toBe(true);
      expect(await isInView(page, question)).toBe(true);
      expect(await page.locator('main').innerText()).toContain('Chờ kích hoạt');
      await question.getByRole('button', { name: 'Có, thu hồi tài khoản' }).click();
      await page.getByText('Đã thu hồi tài khoản.').waitFor();
      await page.goto(`${harness.baseUrl}/dang-vien/${other.id}`);
      expect(await page.locator('main').innerText()).toContain('Đã thu hồi');
    } finally {
      await plain.close();
    }
  });

  it('tells the administrator ending a role of her own that it is hers, and what she loses', async () => {
    const { page } = harness;
    const handle = createDb(harness.platform.databaseUrl, { max: 1 });
    const [own] = await handle.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, 'quantri.demo'));
    await handle.close();
    await openRecord(harness, own!.memberId);
    const roles = section(harness, 'Chức trách');
    await roles.getByRole('button', { name: 'Kết thúc' }).first().click();
    const question = page.getByRole('group', { name: /^Kết thúc chức trách Quản trị tại / });
    await question.waitFor();
    expect(await question.innerText()).toContain('Đây là chức trách của chính đồng chí.');
    expect(await question.innerText()).toContain('không tự giao lại cho mình được');
    await question.getByRole('button', { name: 'Không, quay lại' }).click();
    await roles.getByRole('button', { name: 'Kết thúc' }).first().waitFor();
    expect(await roles.innerText()).not.toMatch(/Quản trị.*đến \d{2}\//);
  });
});

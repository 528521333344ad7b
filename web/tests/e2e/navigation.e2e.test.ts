import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, openRecord, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** Each demo role meets a header that names them and a menu that leads only where their work is. */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const menu = (harness: Harness) => harness.page.getByRole('navigation', { name: 'Chính' });
const account = (harness: Harness, role: string) => harness.platform.accounts.find((a) => a.role === role)!;

/** Follows "Tổ chức đảng" and answers the heading of the organization page it opens. */
async function openOrganizations(harness: Harness) {
  const { page } = harness;
  await menu(harness).getByRole('link', { name: 'Tổ chức đảng' }).click();
  await page.waitForURL(/\/to-chuc\/[0-9a-f-]{36}$/);
  await page.waitForSelector('html[data-hydrated]');
  return page.getByRole('heading', { level: 1 }).textContent();
}

describe('a plain member', () => {
  it('is named in the header, is offered no register search, and shows where they are in the menu', async () => {
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    const header = await page.locator('header').innerText();
    expect(header).toContain(account(harness, 'MEMBER').fullName);
    expect(header).toContain('Đảng viên');
    const entries = await menu(harness).getByRole('link').allInnerTexts();
    expect(entries.map((entry) => entry.replace(/\s+/g, ' '))).toEqual(['Hồ sơ của tôi', 'Tổ chức đảng', 'Bảo mật tài khoản']);
    expect(await menu(harness).getByRole('link', { name: 'Hồ sơ của tôi' }).getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens their own cell from "Tổ chức đảng", marked as where they are', async () => {
    expect(await openOrganizations(harness)).toBe(harness.platform.demo.member.cellName);
    expect(await menu(harness).getByRole('link', { name: 'Tổ chức đảng' }).getAttribute('aria-current')).toBe('page');
    expect(await menu(harness).getByRole('link', { name: 'Hồ sơ của tôi' }).getAttribute('aria-current')).toBeNull();
  });

  it('opens a neighbouring cell from the ward’s page, told why its officers are not named', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: /^↑/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Đảng bộ (phường|xã) / }).waitFor();
    const neighbour = page.locator('.children a').filter({ hasNotText: harness.platform.demo.member.cellName }).first();
    const name = (await neighbour.textContent())!;
    await neighbour.click();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Tên cấp ủy chỉ đảng viên của tổ chức này');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is told why, without a search form, on the search page’s address', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/dang-vien`);
    expect(await page.getByRole('alert').textContent()).toMatch(/^Chỉ bí thư, phó bí thư, ủy viên quản lý tài chính và quản trị viên được tìm/);
    expect(await page.getByRole('search').count()).toBe(0);
  });

  it('has the header on a phone in little height: one row of the menu under the name', async () => {
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/ho-so`);
    await page.waitForSelector('html[data-hydrated]');
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Đăng xuất' }), ...(await menu(harness).getByRole('link').all())]);
    const header = (await page.locator('header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(150);
    const rows = new Set(await menu(harness).getByRole('link').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top))));
    expect(rows.size).toBe(1);
    // The full names stay for screen readers while the phone shows the first words.
    expect((await menu(harness).getByRole('link', { name: 'Bảo mật tài khoản' }).locator('.rest').boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut(harness);
  });
});

describe('the analyst and the administrator', () => {
  it('opens the analyst’s province, with no register search for reports', async () => {
    await signIn(harness, 'ANALYST');
    expect(await menu(harness).getByRole('link', { name: 'Tìm đảng viên' }).count()).toBe(0);
    expect(await harness.page.locator('header').innerText()).toContain('Người lập báo cáo');
    expect(await openOrganizations(harness)).toBe(account(harness, 'ANALYST').organizationName);
    await signOut(harness);
  });

  it('opens the ward the administrator runs, not her own cell', async () => {
    await signIn(harness, 'ADMIN');
    expect(await harness.page.locator('header').innerText()).toContain('Quản trị');
    expect(await openOrganizations(harness)).toBe(account(harness, 'ADMIN').organizationName);
  });

  it('lets a member with roles in two places choose where to work', async () => {
    const { page } = harness;
    const handle = createDb(harness.platform.databaseUrl, { max: 1 });
    const [secretary] = await handle.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, 'bithu.demo'));
    await handle.close();
    // The administrator makes the cell's secretary a deputy secretary of the ward as well, from today.
    await openRecord(harness, secretary!.memberId);
    await page.locator('#role').selectOption({ label: 'Phó bí thư' });
    await page.getByLabel('Tại tổ chức').selectOption({ label: account(harness, 'ADMIN').organizationName });
    await page.getByRole('button', { name: 'Giao chức trách' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã giao chức trách.' }).waitFor();
    await signOut(harness);

    await signIn(harness, 'SECRETARY');
    expect(await page.locator('header').innerText()).toMatch(/Bí thư, Phó bí thư|Phó bí thư, Bí thư/);
    await menu(harness).getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ chức đảng' }).waitFor();
    const places = page.getByRole('main').getByRole('listitem');
    expect((await places.allInnerTexts()).sort()).toEqual([account(harness, 'ADMIN').organizationName, harness.platform.demo.member.cellName].sort());
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: account(harness, 'ADMIN').organizationName }).click();
    await page.getByRole('heading', { level: 1, name: account(harness, 'ADMIN').organizationName }).waitFor();
    await signOut(harness);
  });
});

describe('the finance member', () => {
  it('opens a record found in the register: the dues, without the personal data and without refusal', async () => {
    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    const member = await demoCellMember(harness, 12);
    await menu(harness).getByRole('link', { name: 'Tìm đảng viên' }).click();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Họ tên, số căn cước hoặc số thẻ đảng viên').fill(member.fullName);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: member.fullName }).click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đảng phí');
    expect(main).toContain('Mức đóng hằng tháng');
    expect(main).toContain('chỉ bí thư, phó bí thư và quản trị viên cấp trên xem được');
    expect(main).not.toContain(member.citizenId);
    expect(await page.getByRole('heading', { name: 'Tài khoản đăng nhập' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens a record from the cell’s list as well', async () => {
    const { page } = harness;
    const member = await demoCellMember(harness, 13);
    expect(await openOrganizations(harness)).toBe(harness.platform.demo.member.cellName);
    await page.getByRole('link', { name: member.fullName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Mức đóng hằng tháng');
  });
});

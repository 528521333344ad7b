import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

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

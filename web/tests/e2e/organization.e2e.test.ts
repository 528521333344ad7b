import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

describe('the organization page and its dues account', () => {
  it('opens at the visitor’s own cell, with its officers, its dues account and no accessibility violations', async () => {
    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.waitForURL(/\/to-chuc\/[0-9a-f-]{36}$/);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(harness.platform.demo.member.cellName);
    expect(await page.locator('main').innerText()).toContain(harness.platform.demo.member.secretaryName);
    // The demo cell holds an Agribank account, so that its members can pay by QR (docs/decisions/0004-demo-data.md).
    const account = await page.getByRole('region', { name: 'Tài khoản nhận đảng phí' }).innerText();
    expect(account).toContain('Agribank');
    expect(account).toContain('Đổi tài khoản');
    // The readiness panel (docs/rules/reports.md#readiness): the cell's own account and its secretary's activated login.
    const readiness = await page.getByRole('region', { name: 'Mức sẵn sàng triển khai' }).innerText();
    expect(readiness).toMatch(/Đã đăng ký tài khoản đảng phí\s+1\/1 \(đủ\)/);
    expect(readiness).toMatch(/Bí thư có tài khoản đã kích hoạt\s+1\/1 \(đủ\)/);
    expect(readiness).toMatch(/Đã rà soát loại hình\s+[01]\/1/);
    expect(readiness).toMatch(/Đảng viên đã kích hoạt tài khoản\s+\d+\/\d+ \(\d/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('names each bad field in Vietnamese and keeps what was typed', async () => {
    const { page } = harness;
    await page.getByLabel('Ngân hàng').selectOption({ label: 'Agribank – Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' });
    await page.getByLabel('Số tài khoản').fill('12');
    await page.getByLabel('Tên chủ tài khoản').fill('Chi bộ tổ dân phố Đông');
    await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await page.locator('#accountNumber-error').waitFor();
    expect(await page.locator('#accountNumber-error').textContent()).toMatch(/6 đến 19/);
    expect(await page.getByLabel('Tên chủ tài khoản').inputValue()).toBe('Chi bộ tổ dân phố Đông');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves the account as the bank holds it, for the cell’s finance member', async () => {
    const { page } = harness;
    await page.getByLabel('Số tài khoản').fill('3500 205 123456');
    await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await page.getByRole('status').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đã lưu tài khoản nhận đảng phí.');
    expect(main).toContain('3500205123456');
    expect(main).toContain('CHI BO TO DAN PHO DONG');
  });

  it('goes up to the ward, where the finance member of the cell is offered no form', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: /^↑/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Đảng bộ (phường|xã) / }).waitFor();
    expect(await page.getByRole('button', { name: 'Lưu tài khoản' }).count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(harness.platform.demo.member.cellName);
  });

  it('works on a phone: the ward’s tree, then the cell’s members and a new account number saved', async () => {
    const { page } = harness;
    const cell = page.getByRole('link', { name: harness.platform.demo.member.cellName, exact: true });
    await expectFitsPhone(page, [cell]);
    await cell.click();
    await page.getByRole('heading', { level: 1, name: harness.platform.demo.member.cellName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const save = page.getByRole('button', { name: 'Lưu tài khoản' });
    await expectFitsPhone(page, [page.getByLabel('Ngân hàng'), page.getByLabel('Số tài khoản'), page.getByLabel('Tên chủ tài khoản'), save]);
    await page.getByLabel('Số tài khoản').fill('3500205654321');
    await save.click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('main').innerText()).toContain('3500205654321');
    await expectFitsPhone(page);
    await expectFitsPhone(page, [page.getByRole('region', { name: 'Mức sẵn sàng triển khai' })]);
  });

  it('shows a member without a role no readiness panel: its figures are for the officers over the cell', async () => {
    await signOut(harness);
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.getByRole('heading', { level: 1, name: harness.platform.demo.member.cellName }).waitFor();
    expect(await page.getByRole('region', { name: 'Mức sẵn sàng triển khai' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Tài khoản nhận đảng phí' }).count()).toBe(1);
  });
});

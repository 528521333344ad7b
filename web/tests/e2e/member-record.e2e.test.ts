import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let memberName: string;

beforeAll(async () => {
  harness = await startHarness();
  memberName = (await demoCellMember(harness, 12)).fullName;
});
afterAll(() => harness?.stop());

describe('the cell secretary keeps a member’s record', () => {
  it('finds the member in the cell’s list and opens the record, with no accessibility violations', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.getByRole('link', { name: memberName }).click();
    await page.getByRole('heading', { level: 1, name: memberName }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain('Số căn cước công dân');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a malformed phone number beside the field, then saves a good one', async () => {
    const { page } = harness;
    await page.getByLabel('Số điện thoại').fill('12345');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.locator('#phone-error').waitFor();
    expect(await page.locator('#phone-error').textContent()).toMatch(/10 chữ số/);
    await page.getByLabel('Số điện thoại').fill('0912 000 111'.replace(/\s/g, ''));
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
  });

  it('issues an account and shows its one-time activation code', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    await page.locator('.code').waitFor();
    expect(await page.locator('.code').textContent()).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
  });

  it('works on a phone: the record fits and a correction is saved', async () => {
    const { page } = harness;
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    const save = page.getByRole('button', { name: 'Lưu hồ sơ' });
    await expectFitsPhone(page, [page.getByLabel('Số điện thoại'), page.getByLabel('Nơi làm việc'), save]);
    await page.getByLabel('Số điện thoại').fill('0912000222');
    await save.click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    await expectFitsPhone(page);
  });
});

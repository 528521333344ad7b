import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInView, sendCredentials, startHarness, type Harness } from './harness.ts';

/**
 * The web server stops a run of guesses at a password or an activation code (server.js); the form that
 * was sent says so above itself, where the person is looking, and keeps what was typed.
 */
let harness: Harness;
beforeAll(async () => {
  // Read by this file's web server only: two tries per account, then a pause.
  process.env.CREDENTIAL_ATTEMPTS_PER_ACCOUNT = '2';
  harness = await startHarness();
});
afterAll(() => harness?.stop());

async function expectTooManyAttempts(harness: Harness, field: string, typed: string) {
  const { page } = harness;
  const notice = page.getByRole('alert').filter({ hasText: 'Đồng chí đã thử quá nhiều lần.' });
  await notice.waitFor();
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-form-answer'))).toBe(true);
  expect(await isInView(page, notice)).toBe(true);
  expect(await page.getByLabel(field).inputValue()).toBe(typed);
}

describe('a run of guesses', () => {
  it('at an activation code is stopped, said above the activation form', async () => {
    const { page, baseUrl } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/kich-hoat`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Tên đăng nhập').fill('012345678901');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('nha toi co ba cay cau');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('nha toi co ba cay cau');
    for (const guess of ['AAAAA-AAAAA', 'BBBBB-BBBBB']) {
      await page.getByLabel('Mã kích hoạt').fill(guess);
      await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
      await page.locator('#activationCode-error').waitFor();
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill('nha toi co ba cay cau');
      await page.getByLabel('Nhập lại mật khẩu mới').fill('nha toi co ba cay cau');
    }
    await page.getByLabel('Mã kích hoạt').fill('CCCCC-CCCCC');
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    await expectTooManyAttempts(harness, 'Tên đăng nhập', '012345678901');
  });

  it('at a password is stopped, said above the login form', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    for (let attempt = 0; attempt < 2; attempt++) {
      await sendCredentials(harness, 'dangvien.demo', 'khong phai mat khau');
      await page.locator('#password-error').waitFor();
    }
    await sendCredentials(harness, 'dangvien.demo', 'khong phai mat khau nua');
    await expectTooManyAttempts(harness, 'Tên đăng nhập', 'dangvien.demo');
  });
});

import { createDb, tables } from '@dangvu/drizzle';
import { newTotpSecret, totpCode, totpStep } from '@dangvu/subgraph-members/totp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, startHarness, type Harness } from './harness.ts';

let harness: Harness;
const secret = newTotpSecret();

beforeAll(async () => {
  harness = await startHarness();
  // The deputy secretary's account already uses a second factor.
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  await handle.db.update(tables.accounts).set({ totpSecret: secret, totpEnabledAt: new Date() }).where(eq(tables.accounts.username, 'phobithu.demo'));
  await handle.close();
});
afterAll(() => harness?.stop());

describe('signing in with a second factor', () => {
  it('asks for the authenticator code after the right password, then signs in with it', async () => {
    const { page, baseUrl } = harness;
    await page.goto(`${baseUrl}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Tên đăng nhập').fill('phobithu.demo');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const code = page.getByLabel('Mã xác thực');
    await code.waitFor();
    expect(await page.locator('#totpCode-error').textContent()).toMatch(/mã 6 số/i);
    expect(await axeViolations(page)).toEqual([]);

    await code.fill(totpCode(secret, totpStep(new Date())));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hồ sơ của tôi');
  });
});

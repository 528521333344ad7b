import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@dangvu/drizzle/testing';
import { startTestPlatform } from '@dangvu/gateway/testing';
import { chromium } from 'playwright-core';
import { it } from 'vitest';

it('shots', async () => {
  const platform = await startTestPlatform();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const web = spawn(process.execPath, ['server.js'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), env: { ...process.env, PORT: String(port), GATEWAY_URL: platform.gatewayUrl }, stdio: 'inherit' });
  await new Promise((r) => setTimeout(r, 1500));
  const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'shot-')), { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  for (const [name, w, h] of [['desktop', 1280, 900], ['phone', 390, 844], ['small', 320, 640]] as const) {
    await ctx.clearCookies();
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`${base}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    await page.screenshot({ path: `/tmp/shots/${name}-login.png`, fullPage: true });
    await page.getByLabel('Tên đăng nhập').fill(platform.demo.member.username);
    await page.getByLabel('Mật khẩu').fill('sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#password-error').waitFor();
    await page.screenshot({ path: `/tmp/shots/${name}-login-error.png`, fullPage: true });
    await page.getByLabel('Mật khẩu').fill(platform.demo.member.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    await page.waitForSelector('html[data-hydrated]');
    await page.screenshot({ path: `/tmp/shots/${name}-profile.png`, fullPage: true });
    const total = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; w < 1000 && y < total; y += 700) await page.screenshot({ path: `/tmp/shots/${name}-profile-${y}.png`, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(700, total - y) } });
    if (name === 'desktop') {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.screenshot({ path: `/tmp/shots/${name}-focus.png` });
    }
  }
  console.log(JSON.stringify(platform.demo.member));
  await ctx.close();
  web.kill();
  await platform.stop();
}, 120_000);

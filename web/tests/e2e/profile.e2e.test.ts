import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@dangvu/gateway/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let platform: TestPlatform;
let baseUrl: string;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  ({ platform, baseUrl, browser, page } = harness);
});

afterAll(() => harness?.stop());

describe('a member signs in and sees "Hồ sơ của tôi"', () => {
  it('sends a visitor without a session to the login page, which has no accessibility violations', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('html[data-hydrated]');
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Đăng nhập');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sends a visitor without a session from every signed-in page, and from its forms, to the login page, which leads back there', async () => {
    const id = randomUUID();
    const pages = ['/ho-so', '/to-chuc', `/to-chuc/${id}`, '/dang-vien?q=nguyen', `/dang-vien/${id}`, '/bao-mat'];
    for (const path of pages) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
      expect([response.status, response.headers.get('location')], path).toEqual([303, `/dang-nhap?tiep=${encodeURIComponent(path)}`]);
    }
    // As a browser without scripts sends the form.
    const form = await fetch(`${baseUrl}/bao-mat?/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect([form.status, form.headers.get('location')]).toEqual([303, '/dang-nhap?tiep=%2Fbao-mat']);
  });

  it('says in Vietnamese that a wrong password is wrong, next to the field', async () => {
    await page.getByLabel('Tên đăng nhập').fill(platform.demo.member.username);
    await page.getByLabel('Mật khẩu').fill('không phải mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const error = page.locator('#password-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/không đúng/);
    expect(await page.getByLabel('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe(platform.demo.member.username);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in and shows the profile, the cell and its secretary, with no accessibility violations', async () => {
    await page.getByLabel('Mật khẩu').fill(platform.demo.member.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    await page.waitForSelector('html[data-hydrated]');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Hồ sơ của tôi');
    expect(main).toContain(platform.demo.member.fullName);
    expect(main).toContain(platform.demo.member.cellName);
    const secretary = page.locator('dt', { hasText: 'Bí thư chi bộ' }).locator('xpath=following-sibling::dd[1]');
    expect(await secretary.textContent()).toBe(platform.demo.member.secretaryName);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the token out of reach of page scripts', async () => {
    const cookies = await browser.cookies(baseUrl);
    expect(cookies.find((c) => c.name === 'dangvu_token')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('dangvu_token');
  });

  it('renders the profile on the server, before any script runs', async () => {
    const cookie = (await browser.cookies(baseUrl)).find((c) => c.name === 'dangvu_token')!;
    const response = await fetch(`${baseUrl}/ho-so`, { headers: { cookie: `dangvu_token=${cookie.value}` } });
    expect(await response.text()).toContain(platform.demo.member.secretaryName);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers GraphQL on /graphql with the session, but not to requests another site could send', async () => {
    const cookie = (await browser.cookies(baseUrl)).find((c) => c.name === 'dangvu_token')!;
    const post = (contentType: string | null) =>
      fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { cookie: `dangvu_token=${cookie.value}`, ...(contentType ? { 'content-type': contentType } : {}) },
        // Bytes, so that fetch adds no content type of its own.
        body: new TextEncoder().encode(JSON.stringify({ query: '{ me { fullName } }' })),
      });
    const json = await post('application/json');
    expect(await json.json()).toEqual({ data: { me: { fullName: platform.demo.member.fullName } } });
    for (const contentType of ['text/plain', null]) {
      const refused = await post(contentType);
      // Refused by SvelteKit's origin check (403) or, behind it, by the gateway's CSRF guard (400).
      expect([400, 403], `content type ${contentType}`).toContain(refused.status);
      expect(await refused.text()).not.toContain(platform.demo.member.fullName);
    }
  });

  it.each([
    [390, 844],
    [320, 640],
  ])('fits a %ix%i phone screen without sideways scrolling', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    await expect(page.getByText(platform.demo.member.fullName, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Đăng xuất' })], { width, height });
  });

  it('refuses a form post from another site', async () => {
    const response = await fetch(`${baseUrl}/dang-nhap`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=a&password=b',
    });
    expect(response.status).toBe(403);
  });

  it('signs out and goes back to the login page', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/dang-nhap');
    expect((await browser.cookies(baseUrl)).find((c) => c.name === 'dangvu_token')).toBeUndefined();
  });

  it('sends a member whose session the API no longer accepts back to the login page', async () => {
    await browser.addCookies([{ name: 'dangvu_token', value: 'het-han', url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    await page.goto(`${baseUrl}/ho-so`);
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
    expect((await browser.cookies(baseUrl)).find((c) => c.name === 'dangvu_token')).toBeUndefined();
  });

  it('signs in on a phone', async () => {
    await page.waitForSelector('html[data-hydrated]');
    const fields = [page.getByLabel('Tên đăng nhập'), page.getByLabel('Mật khẩu'), page.getByRole('button', { name: 'Đăng nhập' })];
    await expectFitsPhone(page, fields);
    await fields[0]!.fill(platform.demo.member.username);
    await fields[1]!.fill(platform.demo.member.password);
    await fields[2]!.click();
    await page.waitForURL('**/ho-so');
    await expectFitsPhone(page, [page.getByRole('link', { name: 'Bảo mật tài khoản' })]);
  });

  // Last in this file: the dues subgraph stays stopped.
  it('shows the profile with the dues service down, saying the dues part is unavailable rather than failing the page', async () => {
    await platform.stopSubgraph('dues');
    await page.goto(`${baseUrl}/ho-so`);
    await page.waitForSelector('html[data-hydrated]');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Hồ sơ của tôi');
    expect(await page.getByRole('main').innerText()).toContain(platform.demo.member.fullName);
    expect(await page.getByRole('main').innerText()).toContain(platform.demo.member.cellName);
    const dues = page.getByRole('region', { name: 'Đảng phí' });
    expect(await dues.getByRole('status').innerText()).toContain('Phần đảng phí tạm thời không tải được; các phần khác vẫn dùng được.');
    await page.getByRole('table', { name: 'Hồ sơ chuyển sinh hoạt đảng' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [dues.getByRole('status')]);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, tables } from '@dangvu/drizzle';
import { freePort } from '@dangvu/drizzle/testing';
import { and, eq } from 'drizzle-orm';
import { startTestPlatform, type TestPlatform } from '@dangvu/gateway/testing';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Harness {
  platform: TestPlatform;
  baseUrl: string;
  browser: BrowserContext;
  page: Page;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** The whole back end, the BUILT web app served by server.js, and Debian's chromium driven by playwright-core. */
export async function startHarness(): Promise<Harness> {
  const platform = await startTestPlatform();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const web: ChildProcess = spawn(process.execPath, ['server.js'], {
    cwd: webRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), GATEWAY_URL: platform.gatewayUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHttp(`${baseUrl}/dang-nhap`);
  const browser = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'dangvu-chromium-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // The app's CSP forbids inline scripts; the test's own axe-core injection is the one exception.
    bypassCSP: true,
    args: ['--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  return {
    platform,
    baseUrl,
    browser,
    page,
    async stop() {
      await browser.close();
      web.kill('SIGTERM');
      await platform.stop();
    },
  };
}

/** Signs in through the login form as the demo account of `role`, and waits for the page login leads to. */
/** The member at `rosterNumber` in the demo member's cell, read straight from the database. */
export async function demoCellMember(harness: Harness, rosterNumber: number) {
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    const [cell] = await handle.db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const [member] = await handle.db
      .select()
      .from(tables.members)
      .where(and(eq(tables.members.orgId, cell!.id), eq(tables.members.rosterNumber, rosterNumber)));
    return member!;
  } finally {
    await handle.close();
  }
}

export async function signIn(harness: Harness, role: string, landing: string | RegExp = '**/ho-so') {
  const account = harness.platform.accounts.find((a) => a.role === role)!;
  const { page } = harness;
  await page.goto(`${harness.baseUrl}/dang-nhap`);
  await page.waitForSelector('html[data-hydrated]');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(landing);
  await page.waitForSelector('html[data-hydrated]');
}

/** Serious and critical accessibility problems axe-core finds on the current page. */
export async function axeViolations(target: Page): Promise<string[]> {
  const source = await readFile(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  await target.addScriptTag({ content: source });
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** A small phone held upright: every screen must work at this size. */
const PHONE = { width: 360, height: 740 };

/**
 * Turns the browser window into a phone screen (it stays so until changed) and checks the current page
 * fits it: nothing scrolls sideways, and each of `controls` can be scrolled to and sits wholly inside the
 * screen's width; a button or field is also tall enough for a finger (a link in running text need not be).
 */
export async function expectFitsPhone(page: Page, controls: Locator[] = [], screen = PHONE) {
  await page.setViewportSize(screen);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page ${page.url()} scrolls sideways at ${screen.width}px`).toBeLessThanOrEqual(clientWidth);
  for (const control of controls) {
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    expect(box, `${control} is not shown`).not.toBeNull();
    expect(box!.x, `${control} starts off screen`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${control} ends off screen`).toBeLessThanOrEqual(clientWidth);
    if (await control.evaluate((element) => ['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName))) {
      expect(box!.height, `${control} is too small to tap`).toBeGreaterThanOrEqual(44);
    }
  }
}

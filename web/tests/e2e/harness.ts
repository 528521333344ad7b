import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDb, tables } from '@dangvu/drizzle';
import { freePort } from '@dangvu/drizzle/testing';
import { and, eq } from 'drizzle-orm';
import { startTestPlatform, type TestPlatform } from '@dangvu/gateway/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchBrowser, type BrowserChoice } from './browser.ts';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Harness {
  platform: TestPlatform;
  baseUrl: string;
  browser: BrowserContext;
  page: Page;
  /** One connection to the platform's database, for a test that prepares or checks rows itself; closed by `stop`. */
  db: ReturnType<typeof createDb>['db'];
  stop(): Promise<void>;
}

/** What has been started so far, stopped newest first; stopping goes on past a failure so nothing is left running. */
function startedParts() {
  const stops: (() => Promise<void>)[] = [];
  return {
    add(stop: () => Promise<void>) {
      stops.unshift(stop);
    },
    async stopAll() {
      const results = [];
      for (const stop of stops.splice(0)) results.push(await stop().then(() => null, (error: unknown) => error));
      const failures = results.filter((result) => result !== null);
      if (failures.length) throw new AggregateError(failures, 'the browser-test harness did not stop cleanly');
    },
  };
}

/** Runs the BUILT web app with server.js, and resolves once it answers; fails at once if it exits first. */
async function startWebServer(gatewayUrl: string, timeoutMs = 30_000) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const web: ChildProcess = spawn(process.execPath, ['server.js'], {
    cwd: webRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), GATEWAY_URL: gatewayUrl },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => web.once('exit', () => resolve()));
  const hasExited = () => web.exitCode !== null || web.signalCode !== null;
  const stop = async () => {
    if (hasExited()) return;
    web.kill('SIGTERM');
    const killer = setTimeout(() => web.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await fetch(`${baseUrl}/dang-nhap`).then((r) => r.status < 500, () => false))) {
    if (hasExited()) {
      throw new Error(`the web server exited (code ${web.exitCode}) before answering: is web/build there? (npm run build -w @dangvu/web)`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the web server did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, stop };
}

/**
 * The whole back end, the BUILT web app served by server.js, and Chromium driven by playwright-core (the one
 * the run's global set-up found, unless `browser` names another; speaking `locale`, Vietnamese unless told). When any part fails to start, the parts
 * already running are stopped before the error is thrown: a test file's `afterAll` never sees a harness
 * then, and anything left listening would keep vitest waiting forever.
 */
export async function startHarness(options: { browser?: BrowserChoice; locale?: string } = {}): Promise<Harness> {
  const started = startedParts();
  try {
    const platform = await startTestPlatform();
    started.add(() => platform.stop());
    const web = await startWebServer(platform.gatewayUrl);
    started.add(web.stop);
    const browser = await launchBrowser(options.browser ?? inject('browser'), { locale: options.locale ?? 'vi-VN' });
    started.add(browser.close);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const database = createDb(platform.databaseUrl, { max: 1 });
    started.add(() => database.close());
    return { platform, baseUrl: web.baseUrl, browser: browser.context, page, db: database.db, stop: started.stopAll };
  } catch (error) {
    await started.stopAll().catch((stopError: unknown) => console.error(stopError));
    throw error;
  }
}

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

/** Types a username and password into the login page that is open, and sends them. */
export async function sendCredentials(harness: Harness, username: string, password: string) {
  const { page } = harness;
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Signs in through the login form as the demo account of `role`, and waits for the page login leads to. */
export async function signIn(harness: Harness, role: string, landing: string | RegExp = '**/ho-so') {
  const account = harness.platform.accounts.find((a) => a.role === role)!;
  const { page } = harness;
  await page.goto(`${harness.baseUrl}/dang-nhap`);
  await page.waitForSelector('html[data-hydrated]');
  await sendCredentials(harness, account.username, account.password);
  await page.waitForURL(landing);
  await page.waitForSelector('html[data-hydrated]');
}

/** Signs out with the header's button and waits for the login page. */
export async function signOut(harness: Harness) {
  await harness.page.getByRole('button', { name: 'Đăng xuất' }).click();
  await harness.page.waitForURL('**/dang-nhap');
  await harness.page.waitForSelector('html[data-hydrated]');
}

/** Opens a member's record by its address and waits until it can be used. */
export async function openRecord(harness: Harness, memberId: string) {
  await harness.page.goto(`${harness.baseUrl}/dang-vien/${memberId}`);
  await harness.page.waitForSelector('html[data-hydrated]');
}

/** Whether `locator` lies wholly inside the visible part of the page (to the pixel), where the person is looking. */
export async function isInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y > -1 && box.y + box.height < viewport.height + 1 && box.x > -1 && box.x + box.width < viewport.width + 1;
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

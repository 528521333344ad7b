import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium the browser tests drive, and the flags it starts with. */
export interface BrowserChoice {
  /** Where it came from, for the message when it does not start. */
  source: 'CHROMIUM_PATH' | 'Debian' | '@sparticuz/chromium';
  executablePath: string;
  args: string[];
}

/** Without the networking flags Chromium keeps trying to reach Google's services, which are not there. */
const COMMON_ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * @sparticuz/chromium's own flags for its headless build, except the two that switch off the same-origin
 * policy and mixed-content blocking: the app is tested with the protections a member's browser has.
 */
const WEAKENING_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * CHROMIUM_PATH when set, else Debian's chromium when installed, else the Chromium shipped inside the
 * @sparticuz/chromium package (unpacked to the temporary directory on first use), so that a fresh machine
 * needs nothing beyond `npm install`.
 */
export async function chooseBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  if (env.CHROMIUM_PATH) return { source: 'CHROMIUM_PATH', executablePath: env.CHROMIUM_PATH, args: COMMON_ARGS };
  if (existsSync(DEBIAN_CHROMIUM)) return { source: 'Debian', executablePath: DEBIAN_CHROMIUM, args: COMMON_ARGS };
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return {
      source: '@sparticuz/chromium',
      executablePath: await sparticuz.executablePath(),
      args: [...COMMON_ARGS, ...sparticuz.args.filter((arg) => !WEAKENING_ARGS.has(arg))],
    };
  } catch (cause) {
    throw new Error(
      `No browser for the browser tests: CHROMIUM_PATH is unset, ${DEBIAN_CHROMIUM} is absent, and @sparticuz/chromium did not unpack ` +
        `(${firstLine(cause)}). Set CHROMIUM_PATH to a Chromium, install Debian’s chromium, or run npm install again.`,
      { cause },
    );
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

export interface RunningBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A browser that has not started by then will not: fail in seconds rather than wait for Playwright's three minutes. */
const LAUNCH_TIMEOUT_MS = 15_000;

/**
 * Starts the chosen Chromium headless with a fresh profile, removed again on close; `locale` is the language
 * the browser says it speaks (what a date widget would follow), `javaScript: false` a browser without scripts.
 */
export async function launchBrowser(choice: BrowserChoice, options: { locale?: string; javaScript?: boolean } = {}): Promise<RunningBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'dangvu-chromium-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: choice.executablePath,
      headless: true,
      // The app's CSP forbids inline scripts; the test's own axe-core injection is the one exception.
      bypassCSP: true,
      args: choice.args,
      timeout: LAUNCH_TIMEOUT_MS,
      locale: options.locale,
      javaScriptEnabled: options.javaScript ?? true,
    });
  } catch (cause) {
    await removeProfile();
    throw new Error(
      `No browser could start for the browser tests: ${choice.executablePath} (from ${choice.source}) failed: ${firstLine(cause)}. ` +
        'Set CHROMIUM_PATH to a working Chromium, install Debian’s chromium, or run npm install again to restore @sparticuz/chromium.',
      { cause },
    );
  }
  return {
    context,
    async close() {
      await context.close();
      await removeProfile();
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstLine, type BrowserChoice } from '@dangvu/subgraph-kit/printing';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium the browser tests drive is the one the platform prints with (the kit's printing). */
export { chooseChromium as chooseBrowser, type BrowserChoice } from '@dangvu/subgraph-kit/printing';

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

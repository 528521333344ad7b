import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Turns a letter's HTML into a PDF. */
export interface LetterPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** @sparticuz/chromium's flags, except those that would switch off the browser's own protections. */
const WEAKENING_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);
const COMMON_ARGS = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's chromium when installed, else the one inside the @sparticuz/chromium package (docs/decisions/0010-transfer-letters.md#the-letter-as-a-pdf). */
async function launch(): Promise<Browser> {
  if (existsSync(DEBIAN_CHROMIUM)) return chromium.launch({ executablePath: DEBIAN_CHROMIUM, headless: true, args: COMMON_ARGS, timeout: 20_000 });
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    headless: true,
    args: [...COMMON_ARGS, ...sparticuz.args.filter((arg) => !WEAKENING_ARGS.has(arg))],
    timeout: 20_000,
  });
}

/**
 * Prints with one headless Chromium per process, started on the first letter and kept; a browser that failed
 * to start or died is started again for the next. Pages run without JavaScript and reach nothing outside the
 * document: a letter is HTML this service wrote, with data: URLs only.
 */
export function chromiumPrinter(): LetterPrinter {
  let browser: Promise<Browser> | null = null;
  const started = () => {
    browser ??= launch().then((b) => {
      b.on('disconnected', () => {
        browser = null;
      });
      return b;
    });
    return browser.catch((error: unknown) => {
      browser = null;
      throw error;
    });
  };
  return {
    async print(html) {
      const context = await (await started()).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await context.close();
      }
    },
    async close() {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}

import { chromium, type Browser } from 'playwright-core';
import { chooseChromium } from './chromium.ts';

/** Turns a document's HTML (a letter, a request) into a PDF. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

async function launch(): Promise<Browser> {
  const choice = await chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.args, timeout: 20_000 });
}

/**
 * Prints with one headless Chromium per process, started on the first document and kept; a browser that failed
 * to start or died is started again for the next. Pages run without JavaScript and reach nothing outside the
 * document: what is printed is HTML the service wrote, with data: URLs only (docs/decisions/0010-transfer-letters.md#the-letter-as-a-pdf).
 */
export function chromiumPrinter(): PdfPrinter {
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

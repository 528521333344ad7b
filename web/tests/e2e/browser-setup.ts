import type { TestProject } from 'vitest/node';
import { chooseBrowser, launchBrowser, type BrowserChoice } from './browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browser: BrowserChoice;
  }
}

/**
 * Vitest global set-up, run before anything else starts: finds the browser and starts it once. With no
 * browser that starts, the run stops here in seconds with that one message, before any test file has
 * built a platform; and @sparticuz/chromium is unpacked once, not by test files racing each other.
 */
export default async function setup(project: TestProject) {
  const choice = await chooseBrowser();
  await (await launchBrowser(choice)).close();
  project.provide('browser', choice);
}

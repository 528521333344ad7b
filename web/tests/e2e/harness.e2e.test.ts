import { getActiveResourcesInfo } from 'node:process';
import { describe, expect, it } from 'vitest';
import { chooseBrowser, type BrowserChoice } from './browser.ts';
import { startHarness } from './harness.ts';

/** Servers listening in this process (the subgraphs, the gateway) and child processes (the web server). */
const runningParts = () => getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap' || kind === 'ProcessWrap').length;

describe('the browser-test harness', () => {
  it('takes the browser CHROMIUM_PATH names over any other', async () => {
    expect(await chooseBrowser({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: '/opt/chromium/chrome' });
  });

  // Seconds, not the minutes a hanging start would take: the platform starts in about two.
  it('fails with one clear message when its browser cannot start, leaving no server or process running', { timeout: 30_000 }, async () => {
    const before = runningParts();
    const browser: BrowserChoice = { source: 'CHROMIUM_PATH', executablePath: '/nonexistent/chromium', args: [] };
    await expect(startHarness({ browser })).rejects.toThrow(/^No browser could start for the browser tests: \/nonexistent\/chromium \(from CHROMIUM_PATH\)/);
    expect(runningParts()).toBe(before);
  });
});

import { existsSync } from 'node:fs';

/** A Chromium to start headless, where it came from, and the flags it starts with. */
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
 * policy and mixed-content blocking: nothing here runs with fewer protections than a member's browser.
 */
const WEAKENING_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * CHROMIUM_PATH when set, else Debian's chromium when installed, else the Chromium shipped inside the
 * @sparticuz/chromium package (unpacked to the temporary directory on first use), so that a fresh machine
 * needs nothing beyond `npm install`. The printers of letters and requests and the web's browser tests take
 * their browser from here (docs/decisions/0010-transfer-letters.md#the-letter-as-a-pdf).
 */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
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
      `No browser to start: CHROMIUM_PATH is unset, ${DEBIAN_CHROMIUM} is absent, and @sparticuz/chromium did not unpack ` +
        `(${firstLine(cause)}). Set CHROMIUM_PATH to a Chromium, install Debian’s chromium, or run npm install again.`,
      { cause },
    );
  }
}

export const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

import { fileURLToPath } from 'node:url';
import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

// Plain vitest, without the SvelteKit plugin: unit tests of src/lib, and the browser test of the built app.
const config = dangvuVitestConfig({
  include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});

// The browser is looked for first: when none starts, the run ends before the database server is started.
const browserSetup = fileURLToPath(new URL('./tests/e2e/browser-setup.ts', import.meta.url));
config.test!.globalSetup = [browserSetup, ...[config.test!.globalSetup ?? []].flat()];

export default config;

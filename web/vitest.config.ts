import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

// Plain vitest, without the SvelteKit plugin: unit tests of src/lib, and the browser test of the built app.
export default dangvuVitestConfig({
  include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
});

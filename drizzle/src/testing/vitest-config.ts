import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The vitest configuration every package shares: the run's PostgreSQL server, and one copy of graphql.
 * graphql 16 ships CJS (main) and ESM (module); vite would pick the ESM file for test code while
 * externalized packages get the CJS one from Node, and graphql refuses objects from "another realm".
 */
export function dangvuVitestConfig(overrides: ViteUserConfig['test'] = {}) {
  return defineConfig({
    resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
    test: {
      globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
      hookTimeout: 60_000,
      testTimeout: 30_000,
      ...overrides,
    },
  });
}

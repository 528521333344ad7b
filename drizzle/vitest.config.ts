import { dangvuVitestConfig } from './src/testing/vitest-config.ts';

export default dangvuVitestConfig();

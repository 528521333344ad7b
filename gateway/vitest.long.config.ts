import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

/** `npm run test:long`: the bounded long runs whose last results docs/reliability.md records. */
export default dangvuVitestConfig({ include: ['test/long/**/*.long.test.ts'], fileParallelism: false, testTimeout: 900_000 });

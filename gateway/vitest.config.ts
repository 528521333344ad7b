import { configDefaults } from 'vitest/config';
import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

// The bounded long runs (test/long/) are `npm run test:long`, not part of `npm test`.
export default dangvuVitestConfig({ exclude: [...configDefaults.exclude, 'test/long/**'], benchmark: { include: ["bench/**/*.bench.ts"] } });

import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

export default dangvuVitestConfig({ benchmark: { include: ['bench/**/*.bench.ts'] } });

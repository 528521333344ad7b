import { dangvuVitestConfig } from '@dangvu/drizzle/vitest';

export default dangvuVitestConfig();

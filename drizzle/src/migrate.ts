import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client.ts';
import { applyServiceRoles, type ServicePasswords } from './roles.ts';
import type { ServiceName } from './schema/names.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface MigrateOptions {
  /** Set as the services' role passwords; a role without one keeps the password it has (none, when created now). */
  servicePasswords?: Partial<ServicePasswords>;
}

/**
 * Applies every committed migration not yet applied, then the services' roles and grants (roles.ts); safe to
 * run at each start. Run as the owner of the tables, a role the services never get. Returns the services
 * whose role kept a password set by an administrator instead of the one given.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<{ passwordsKept: ServiceName[] }> {
  const handle = createDb(url, { max: 1 });
  try {
    await migrate(handle.db, { migrationsFolder, migrationsSchema: 'drizzle' });
    return await applyServiceRoles(handle.sql, options.servicePasswords);
  } finally {
    await handle.close();
  }
}

export { createDb, type Db, type DbHandle, type DbOptions, type Sql, type Tx } from './client.ts';
export { migrateDatabase, migrationsFolder, type MigrateOptions } from './migrate.ts';
export {
  applyServiceRoles,
  ensureServiceRoles,
  generatePassword,
  generateServicePasswords,
  serviceDatabaseUrl,
  ServiceRoleError,
  serviceRole,
  type ServicePasswords,
} from './roles.ts';
export { SCHEMA_NAMES, SERVICE_NAMES, type ServiceName } from './schema/names.ts';
export { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
export * as tables from './schema/index.ts';

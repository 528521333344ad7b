export { createDb, type Db, type DbHandle, type DbOptions, type Sql, type Tx } from './client.ts';
export { migrateDatabase, migrationsFolder } from './migrate.ts';
export { startEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';
export * as tables from './schema/index.ts';

import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle from `db.transaction(…)`: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Sql = postgres.Sql;

export interface DbHandle {
  db: Db;
  sql: Sql;
  close(): Promise<void>;
}

export interface DbOptions {
  /** Pool size; each subgraph process keeps its own pool. */
  max?: number;
  /** Called with every statement sent: tests count SQL per request with it. */
  onQuery?: (query: string) => void;
}

export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
  });
  return { db: drizzle({ client: sql, schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

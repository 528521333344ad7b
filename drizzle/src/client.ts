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

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * drizzle sends each statement unnamed (`prepare: false`), so postgres.js first asks the server to describe it,
 * a round trip of its own, and the server parses and plans it every time. Named statements are parsed once per
 * connection and then cost one round trip.
 */
function preparing<C extends Client>(client: C): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const work = args.pop() as (tx: Client) => unknown;
          return open(...args, (tx: Client) => work(preparing(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const onQuery = options.onQuery;
  const sql = postgres(url, {
    max: options.max ?? 10,
    // While the database is away, a request fails within seconds (SERVICE_UNAVAILABLE) instead of waiting on a
    // connection, and once it is back the pool reconnects within a second: postgres.js's own backoff grows to
    // 20 s after a few failed attempts (docs/reliability.md#database-outage).
    connect_timeout: 5,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
  });
  return { db: drizzle({ client: preparing(sql), schema }), sql, close: () => sql.end({ timeout: 5 }) };
}

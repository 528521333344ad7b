import type { Db, Tx } from '@dangvu/drizzle';

/** What a repository runs its statements on: the pool, or the transaction it was handed. */
export type Executor = Db | Tx;

/**
 * The one seam between services and the database. A service receives a store and never `db`: it reads
 * through `repos`, and writes through `transaction`, whose repositories share one database transaction
 * (rolled back whole when the work throws). A test hands a service `fakeStore(repos)` instead.
 */
export interface Store<R> {
  repos: R;
  transaction<T>(work: (repos: R) => Promise<T>): Promise<T>;
}

/** A store over the real database; `build` makes the subgraph's repositories on a pool or a transaction. */
export function createStore<R>(db: Db, build: (executor: Executor) => R): Store<R> {
  return {
    repos: build(db),
    transaction: (work) => db.transaction((tx) => work(build(tx))),
  };
}

/**
 * A store over in-memory repositories, for service tests. Work runs on the same repositories; a fake that
 * needs rollback on failure says so itself (most service tests check the refusal, not the rollback, which
 * the database tests cover).
 */
export function fakeStore<R>(repos: R): Store<R> {
  return { repos, transaction: (work) => work(repos) };
}

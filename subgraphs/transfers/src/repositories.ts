import type { Db } from '@dangvu/drizzle';
import { auditLog, calendarRepository, createStore, type Executor, type Store } from '@dangvu/subgraph-kit';
import { transferRepository } from './transfer/transfer.repository.ts';

/** Every table the transfers subgraph reaches, one repository each, on a pool or a transaction. */
export function repositories(executor: Executor) {
  return {
    transfers: transferRepository(executor),
    calendar: calendarRepository(executor),
    audit: auditLog(executor),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type TransfersStore = Store<Repositories>;

export const transfersStore = (db: Db): TransfersStore => createStore(db, repositories);

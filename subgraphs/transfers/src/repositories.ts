import type { Db, Tx } from '@dangvu/drizzle';
import { auditLog, calendarRepository, createStore, publishEvent, type EventPayload, type Executor, type Store, type Topic } from '@dangvu/subgraph-kit';
import { transferEvents, type TransferEvents } from './events.ts';
import { signingKeyRepository } from './signature/signing-key.repository.ts';
import { dossierCheckRepository } from './transfer/dossier-check.repository.ts';
import { transferLetterRepository } from './transfer/transfer-letter.repository.ts';
import { transferStepRepository } from './transfer/transfer-step.repository.ts';
import { transferRepository } from './transfer/transfer.repository.ts';

/**
 * The events this subgraph announces (events.ts), each payload checked against the registry. Publish only
 * inside a store's `transaction`, so that an event exists exactly when its change does.
 */
const outbox = (executor: Executor) => ({
  publish: <T extends Topic<TransferEvents>>(topic: T, aggregateId: string, payload: EventPayload<TransferEvents, T>) =>
    publishEvent(executor as Tx, transferEvents, topic, aggregateId, payload),
});

import { transferFiguresRepository } from './report/transfer-figures.repository.ts';

/** Every table the transfers subgraph reaches, one repository each, on a pool or a transaction. */
export function repositories(executor: Executor) {
  return {
    transferFigures: transferFiguresRepository(executor),
    transfers: transferRepository(executor),
    steps: transferStepRepository(executor),
    letters: transferLetterRepository(executor),
    dossierChecks: dossierCheckRepository(executor),
    signingKeys: signingKeyRepository(executor),
    calendar: calendarRepository(executor),
    audit: auditLog(executor),
    outbox: outbox(executor),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type TransfersStore = Store<Repositories>;

export const transfersStore = (db: Db): TransfersStore => createStore(db, repositories);

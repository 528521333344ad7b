import type { Db, Tx } from '@dangvu/drizzle';
import { auditLog, createStore, publishEvent, type Executor, type Store, type Topic } from '@dangvu/subgraph-kit';
import { bankAccountRepository } from './bank-account/bank-account.repository.ts';
import { organizationEvents, type OrganizationEvents } from './events.ts';
import { organizationRepository } from './organization/organization.repository.ts';
import { readinessRepository } from './organization/readiness.repository.ts';
import { monthlyReportRepository } from './report/monthly-report.repository.ts';

type EventPayload<T extends Topic<OrganizationEvents>> = Parameters<typeof publishEvent<OrganizationEvents, T>>[4];

/**
 * The events this subgraph announces (events.ts), each payload checked against the registry. Publish only
 * inside a store's `transaction`, so that an event exists exactly when its change does (the kit types its
 * executor as a transaction for that reason).
 */
const outbox = (executor: Executor) => ({
  publish: <T extends Topic<OrganizationEvents>>(topic: T, aggregateId: string, payload: EventPayload<T>) =>
    publishEvent(executor as Tx, organizationEvents, topic, aggregateId, payload),
});

export type Outbox = ReturnType<typeof outbox>;

/** Every table of the organization schema, one repository per entity, on a pool or a transaction; the audit trail and the outbox. */
export function repositories(executor: Executor) {
  return {
    organizations: organizationRepository(executor),
    bankAccounts: bankAccountRepository(executor),
    readiness: readinessRepository(executor),
    monthlyReports: monthlyReportRepository(executor),
    audit: auditLog(executor),
    outbox: outbox(executor),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type OrganizationStore = Store<Repositories>;

export const organizationStore = (db: Db): OrganizationStore => createStore(db, repositories);

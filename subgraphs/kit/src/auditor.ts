import type { AuditEntryInput } from './audit-chain.ts';
import type { AuditLog } from './audit.repository.ts';
import type { RequestContext } from './context.ts';

/** What a service says happened; who did it and in which request come from the request itself. */
export type AuditFact = Omit<AuditEntryInput, 'actorId' | 'requestId'>;

export type Auditor = (log: AuditLog, ...facts: AuditFact[]) => Promise<void>;

/**
 * The one way to append to the audit trail: every entry names the caller (the signed-in person, or the
 * partner system) and the request id a user can quote. Call it with the transaction's audit log, so that
 * the entry exists exactly when the change does; a refused decision is recorded the same way.
 */
export function auditor({ identity, requestId }: RequestContext): Auditor {
  const actorId = identity.personId ?? identity.partner?.clientId ?? null;
  return (log, ...facts) => log.append(facts.map((fact) => ({ ...fact, actorId, requestId })));
}

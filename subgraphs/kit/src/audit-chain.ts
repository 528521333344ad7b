/** The audit trail's hash chain: what an entry's hash covers, kept apart from how entries are stored. */
import { createHash } from 'node:crypto';

export interface AuditEntryInput {
  /** Who acted: the signed-in person, or null for the system. */
  actorId: string | null;
  /** The member a secretary acted for (an elderly member's step done on their behalf). */
  onBehalfOf?: string | null;
  /** What happened, as `entity.verb`: `organization.renamed`, `bankAccount.set`, `member.viewed`… */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
  orgPath?: string | null;
  subjectMemberId?: string | null;
}

export type Hashed = AuditEntryInput & { occurredAt: string; prevHash: string | null };

/** JSON with object keys sorted at every depth, so the same content always hashes the same way. */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The entry's hash covers its content and the previous entry's hash: change or remove one and the chain breaks. */
export function entryHash(entry: Hashed): string {
  return createHash('sha256')
    .update(
      canonical({
        prevHash: entry.prevHash,
        occurredAt: entry.occurredAt,
        actorId: entry.actorId,
        onBehalfOf: entry.onBehalfOf ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: entry.requestId,
        orgPath: entry.orgPath ?? null,
        subjectMemberId: entry.subjectMemberId ?? null,
      }),
    )
    .digest('hex');
}

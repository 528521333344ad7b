import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';

const { auditEntries } = tables;

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

type Hashed = AuditEntryInput & { occurredAt: string; prevHash: string | null };

/** JSON with object keys sorted at every depth, so the same content always hashes the same way. */
function canonical(value: unknown): string {
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

const asStored = (value: unknown) => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));

/** Any constant: the lock that keeps the chain a chain, taken for the length of the writing transaction. */
const CHAIN_LOCK = 7_340_001;

/**
 * Appends entries, in order, inside the caller's transaction, so that they exist exactly when the change does.
 * Appends are serialized by a transaction-level advisory lock; a batch costs one lock and one insert.
 */
export async function appendAuditEntries(tx: Tx, inputs: readonly AuditEntryInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
  let prevHash = last?.hash ?? null;
  const occurredAt = new Date().toISOString();
  const rows = inputs.map((input) => {
    // Hash what will be read back: jsonb holds dates as strings and drops undefined fields.
    const entry: Hashed = { ...input, before: asStored(input.before), after: asStored(input.after), occurredAt, prevHash };
    const hash = entryHash(entry);
    const row = {
      occurredAt: new Date(occurredAt),
      actorId: entry.actorId,
      onBehalfOf: entry.onBehalfOf ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      requestId: entry.requestId,
      orgPath: entry.orgPath ?? null,
      subjectMemberId: entry.subjectMemberId ?? null,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditEntries).values(rows);
}

export const appendAudit = (tx: Tx, entry: AuditEntryInput) => appendAuditEntries(tx, [entry]);

export interface ChainProblem {
  entryId: number;
  problem: 'altered' | 'missing-before';
}

/**
 * Walks the whole trail in order: an entry whose content no longer matches its hash was altered; an entry
 * whose prevHash is not the hash of the entry before it follows a removed one.
 */
export async function verifyAuditChain(db: Db, batchSize = 5_000): Promise<{ checked: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  let previousHash: string | null = null;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(sql`${auditEntries.id} > ${afterId}`)
      .orderBy(asc(auditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) return { checked, problems };
    for (const row of rows) {
      if (row.prevHash !== previousHash) problems.push({ entryId: row.id, problem: 'missing-before' });
      const expected = entryHash({ ...row, occurredAt: row.occurredAt.toISOString() });
      if (expected !== row.hash) problems.push({ entryId: row.id, problem: 'altered' });
      previousHash = row.hash;
      afterId = row.id;
      checked++;
    }
  }
}

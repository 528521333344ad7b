import { asc, desc, sql } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';
import { entryHash, type AuditEntryInput, type Hashed } from './audit-chain.ts';
import type { Executor } from './store.ts';

const { auditEntries } = tables;

const asStored = (value: unknown) => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));

/** Any constant: the lock that keeps the chain a chain, taken for the length of the writing transaction. */
const CHAIN_LOCK = 7_340_001;

/**
 * The audit trail's storage. `append` must run inside a transaction (a store's `transaction`): its entries
 * then exist exactly when the change they record does. Appends are serialized by a transaction-level
 * advisory lock; a batch costs one lock and one insert.
 */
export function auditLog(executor: Executor) {
  return {
    async append(inputs: readonly AuditEntryInput[]): Promise<void> {
      if (inputs.length === 0) return;
      await executor.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const [last] = await executor.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
      let prevHash = last?.hash ?? null;
      const occurredAt = new Date().toISOString();
      const rows = inputs.map((input) => {
        // Hash what will be read back: jsonb holds dates as strings and drops undefined fields.
        const entry: Hashed = { ...input, before: asStored(input.before), after: asStored(input.after), occurredAt, prevHash };
        const hash = entryHash(entry);
        prevHash = hash;
        return {
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
          prevHash: entry.prevHash,
          hash,
        };
      });
      await executor.insert(auditEntries).values(rows);
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;

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


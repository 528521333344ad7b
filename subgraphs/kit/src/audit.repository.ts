import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';
import { entryHash, type AuditEntryInput, type Hashed } from './audit-chain.ts';
import type { Executor } from './store.ts';

const { auditEntries } = tables;

type AuditEntryRow = typeof auditEntries.$inferSelect;

const asStored = (value: unknown) => (value === undefined || value === null ? null : JSON.parse(JSON.stringify(value)));

/** Advisory locks of audit chains, in the two-key space so that they never meet the platform's single-key locks. */
const CHAIN_LOCK_CLASS = 0x61756474;

/**
 * Chains per database role. A connection always writes to the same one (its backend's pid picks it), so
 * connections of one service rarely wait for each other, and services never do: each role has chains of its
 * own. Changing the number only starts new chains; the old ones stay valid and verifiable.
 */
const CHAIN_STRIPES = 16;

/**
 * The audit trail's storage. `append` must run inside a READ COMMITTED transaction (a store's `transaction`):
 * its entries then exist exactly when the change they record does, and the chain's last entry is read after
 * the chain's lock is taken, so no other writer can have added one unseen. A batch costs one lock and one insert.
 */
export function auditLog(executor: Executor) {
  return {
    async append(inputs: readonly AuditEntryInput[]): Promise<void> {
      if (inputs.length === 0) return;
      const [locked] = (await executor.execute(sql`
        select c.chain, pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}, hashtext(c.chain))::text as locked
        from (select current_user || '/' || (pg_backend_pid() % ${CHAIN_STRIPES}) as chain) c`)) as unknown as { chain: string }[];
      const chain = locked!.chain;
      const [last] = await executor
        .select({ hash: auditEntries.hash })
        .from(auditEntries)
        .where(eq(auditEntries.chain, chain))
        .orderBy(desc(auditEntries.id))
        .limit(1);
      let prevHash = last?.hash ?? null;
      const occurredAt = new Date().toISOString();
      const rows = inputs.map((input) => {
        // Hash what will be read back: jsonb holds dates as strings and drops undefined fields.
        const entry: Hashed = { ...input, before: asStored(input.before), after: asStored(input.after), occurredAt, prevHash };
        const hash = entryHash(entry);
        prevHash = hash;
        return {
          actor_id: entry.actorId,
          on_behalf_of: entry.onBehalfOf ?? null,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          before: entry.before,
          after: entry.after,
          request_id: entry.requestId,
          org_path: entry.orgPath ?? null,
          subject_member_id: entry.subjectMemberId ?? null,
          prev_hash: entry.prevHash,
          hash,
        };
      });
      // One statement with the same three parameters whatever the batch's size: a multi-row insert would be
      // built anew and prepared once per row count (fifty rows, 700 parameters, on a list with phones).
      // The entries take their ids in the batch's order, which is the chain's.
      await executor.execute(sql`
        insert into ${auditEntries} (chain, occurred_at, actor_id, on_behalf_of, action, entity_type, entity_id, before, after, request_id, org_path, subject_member_id, prev_hash, hash)
        select ${chain}, ${occurredAt}::timestamptz, r.actor_id, r.on_behalf_of, r.action, r.entity_type, r.entity_id, r.before, r.after, r.request_id, r.org_path, r.subject_member_id, r.prev_hash, r.hash
        from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (
          actor_id uuid, on_behalf_of uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb,
          request_id text, org_path text, subject_member_id uuid, prev_hash text, hash text
        )) with ordinality as r(actor_id, on_behalf_of, action, entity_type, entity_id, before, after, request_id, org_path, subject_member_id, prev_hash, hash, position)
        order by r.position`);
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;

/** Where a chain ended when it was walked: how many entries it held and the last one's hash. */
export interface ChainHead {
  chain: string;
  count: number;
  hash: string;
}

export type ChainProblem =
  /** The entry's content no longer matches its hash. */
  | { problem: 'altered'; chain: string; entryId: number }
  /** The entry's prevHash is not the hash of the entry before it in its chain: entries between were removed. */
  | { problem: 'missing-before'; chain: string; entryId: number }
  /** The chain holds fewer entries than a checkpoint counted: entries at its end were removed. */
  | { problem: 'truncated'; chain: string; expected: number; found: number }
  /** The entry at the checkpoint's position is not the one the checkpoint saw: the chain was rewritten since. */
  | { problem: 'diverged'; chain: string; position: number; entryId: number };

export interface ChainVerification {
  checked: number;
  problems: ChainProblem[];
  /** Every chain's head as found, in chain order: what a new checkpoint records. */
  heads: ChainHead[];
}

/**
 * Walks every chain in order (chain, then id). Within a chain an entry whose content no longer matches its
 * hash was altered, and one whose prevHash is not the previous entry's hash follows removed ones. Given the
 * heads of a checkpoint, it also finds what the chains cannot show by themselves: entries cut from a chain's
 * end, a whole chain gone, or a chain rebuilt since.
 */
export async function verifyAuditChain(
  db: Db,
  options: { checkpoint?: readonly ChainHead[]; batchSize?: number } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 5_000;
  const checkpoint = new Map((options.checkpoint ?? []).map((head) => [head.chain, head]));
  const problems: ChainProblem[] = [];
  const heads: ChainHead[] = [];
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const head = heads.at(-1);
    const after: SQL = head ? sql`(${auditEntries.chain}, ${auditEntries.id}) > (${head.chain}, ${lastId})` : sql`true`;
    const rows: AuditEntryRow[] = await db
      .select()
      .from(auditEntries)
      .where(after)
      .orderBy(asc(auditEntries.chain), asc(auditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      let chain = heads.at(-1);
      if (chain?.chain !== row.chain) heads.push((chain = { chain: row.chain, count: 0, hash: '' }));
      if (row.prevHash !== (chain.count === 0 ? null : chain.hash)) {
        problems.push({ problem: 'missing-before', chain: row.chain, entryId: row.id });
      }
      if (entryHash({ ...row, occurredAt: row.occurredAt.toISOString() }) !== row.hash) {
        problems.push({ problem: 'altered', chain: row.chain, entryId: row.id });
      }
      chain.count++;
      chain.hash = row.hash;
      const seen = checkpoint.get(row.chain);
      if (seen?.count === chain.count && seen.hash !== row.hash) {
        problems.push({ problem: 'diverged', chain: row.chain, position: chain.count, entryId: row.id });
      }
      lastId = row.id;
      checked++;
    }
  }
  const found = new Map(heads.map((head) => [head.chain, head.count]));
  for (const seen of checkpoint.values()) {
    const count = found.get(seen.chain) ?? 0;
    if (count < seen.count) problems.push({ problem: 'truncated', chain: seen.chain, expected: seen.count, found: count });
  }
  return { checked, problems, heads };
}

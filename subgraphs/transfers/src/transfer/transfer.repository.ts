import { and, asc, desc, eq, gt, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { tables } from '@dangvu/drizzle';
import { isAnyOf, type Executor } from '@dangvu/subgraph-kit';
import { CLOSED_STATES } from './transfer.machine.ts';

const { transfers, transferRegisters } = tables;

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransfer = typeof transfers.$inferInsert;
export type TransferChanges = PgUpdateSetSource<typeof transfers>;

const open = () => and(isNotNull(transfers.code), notInArray(transfers.state, [...CLOSED_STATES]));

/** Built once: every member list and home page reads the members' dossiers. */
const ofMembersQuery = (db: Executor) =>
  db.select().from(transfers).where(isAnyOf(transfers.memberId, 'memberIds')).orderBy(desc(transfers.createdAt)).prepare('transfers_of_members');

/** The dossiers (transfers.transfers) and the registers their codes and letter numbers come from. */
export function transferRepository(db: Executor) {
  let ofMembers: ReturnType<typeof ofMembersQuery> | undefined;
  return {
    byIds: (ids: readonly string[]) => db.select().from(transfers).where(inArray(transfers.id, [...ids])),

    ofMembers: (memberIds: readonly string[]): Promise<TransferRow[]> => (ofMembers ??= ofMembersQuery(db)).execute({ memberIds: [...memberIds] }),

    /** Codes compare without regard to case: organization codes carry both. */
    async byCode(code: string): Promise<TransferRow | null> {
      const rows = await db.select().from(transfers).where(sql`lower(${transfers.code}) = lower(${code})`).limit(2);
      return rows.length === 1 ? rows[0]! : null;
    },

    /** The dossier, locked until the transaction ends: steps on one dossier wait for each other. */
    async forUpdate(id: string): Promise<TransferRow | null> {
      const [row] = await db.select().from(transfers).where(eq(transfers.id, id)).for('update');
      return row ?? null;
    },

    async insert(values: NewTransfer): Promise<TransferRow> {
      const [row] = await db.insert(transfers).values(values).returning();
      return row!;
    },

    /** Applies a step taken on `version`: null when the dossier has moved on since (another step came first). */
    async advance(id: string, version: number, changes: TransferChanges): Promise<TransferRow | null> {
      const [row] = await db
        .update(transfers)
        .set({ ...changes, version: sql`${transfers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(transfers.id, id), eq(transfers.version, version)))
        .returning();
      return row ?? null;
    },

    /** Sets what the daily job records (flags), without a step: the version stays. */
    async flag(id: string, changes: Pick<TransferChanges, 'escalatedOn' | 'escalationPath' | 'startOverdueOn'>): Promise<void> {
      await db.update(transfers).set(changes).where(eq(transfers.id, id));
    },

    /**
     * What waits on the organization at `path` (docs/rules/transfers.md#inboxes): requests its sending side
     * reviews, letters it issues and hands over, dossiers it receives or hosts, return slips from outside it
     * records, and what stalled at the organization directly below it.
     */
    inboxOf: (path: string) =>
      db
        .select()
        .from(transfers)
        .where(
          and(
            open(),
            sql`(
              (${transfers.state} = 'SUBMITTED' and starts_with(${transfers.originPath}, ${path}) and starts_with(${path}, ${transfers.issuerPath}) and ${path} <> ${transfers.issuerPath})
              or (${transfers.state} in ('REVIEWED', 'LETTER_ISSUED') and ${transfers.issuerPath} = ${path})
              or (${transfers.state} in ('IN_TRANSIT', 'OVERDUE') and ${transfers.toOrgId} is null and ${transfers.issuerPath} = ${path})
              or (${transfers.state} in ('IN_TRANSIT', 'OVERDUE', 'RECEIVED', 'HOSTED', 'EXTENDED')
                  and starts_with(${transfers.destinationPath}, ${path}) and starts_with(${path}, ${transfers.receivingRootPath}))
              or (${transfers.escalatedOn} is not null and ${transfers.escalationPath} = ${path})
            )`,
          ),
        ),

    /** Sent from the organization's subtree and not received yet (docs/rules/transfers.md#sent-not-yet-received). */
    awaitingReceiptFrom: (path: string) =>
      db
        .select()
        .from(transfers)
        .where(
          and(
            isNotNull(transfers.code),
            inArray(transfers.state, ['LETTER_ISSUED', 'IN_TRANSIT', 'OVERDUE']),
            sql`starts_with(${transfers.originPath}, ${path})`,
          ),
        ),

    /**
     * How many dossiers from the organization's subtree are open, and of those how many are past deadline B
     * (OVERDUE), were flagged past deadline A, or stalled (docs/rules/transfers.md#deadlines): for reports.
     */
    async countsFrom(path: string) {
      const [row] = await db
        .select({
          open: sql<number>`count(*)::int`,
          overdue: sql<number>`count(*) filter (where ${transfers.state} = 'OVERDUE')::int`,
          startOverdue: sql<number>`count(*) filter (where ${transfers.startOverdueOn} is not null and ${transfers.state} in ('DRAFT', 'RETURNED_FOR_COMPLETION'))::int`,
          stalled: sql<number>`count(*) filter (where ${transfers.escalatedOn} is not null)::int`,
        })
        .from(transfers)
        .where(and(open(), sql`starts_with(${transfers.originPath}, ${path})`));
      return row!;
    },

    /** Open dossiers after `afterId`, in id order, for the daily job. */
    openAfter: (afterId: string | null, limit: number) =>
      db
        .select()
        .from(transfers)
        .where(and(open(), afterId ? gt(transfers.id, afterId) : undefined))
        .orderBy(asc(transfers.id))
        .limit(limit),

    /** The next number of an organization's register for a year, taken atomically (the row lock serializes takers). */
    async nextInRegister(orgId: string, year: number, register: 'DOSSIER' | 'LETTER'): Promise<number> {
      const [row] = await db
        .insert(transferRegisters)
        .values({ orgId, year, register, last: 1 })
        .onConflictDoUpdate({ target: [transferRegisters.orgId, transferRegisters.year, transferRegisters.register], set: { last: sql`${transferRegisters.last} + 1` } })
        .returning({ last: transferRegisters.last });
      return row!.last;
    },
  };
}

export type TransferRepository = ReturnType<typeof transferRepository>;

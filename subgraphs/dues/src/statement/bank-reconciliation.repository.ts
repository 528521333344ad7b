import { and, asc, desc, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { bankStatementImports, bankTransactions, collectionAccounts, duesOrganizations, obligations, paymentExceptions, qrPayments, receiptCounters, receipts } = tables;

export type BankTransactionRow = typeof bankTransactions.$inferSelect;
export type PaymentExceptionRow = typeof paymentExceptions.$inferSelect;
export type StatementImportRow = typeof bankStatementImports.$inferSelect;
/** An exception with the credited line it is about. */
export interface ExceptionWithLine {
  exception: PaymentExceptionRow;
  line: BankTransactionRow;
}

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters for every table here. */
const BATCH = 1_000;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));
const array = (values: readonly (string | number)[], type: 'uuid' | 'bigint' | 'date') => sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::${sql.raw(type)}[]`;

/** Bank lines on collection accounts, what matched them, and the exceptions the finance member resolves. */
export function bankReconciliationRepository(db: Executor) {
  return {
    /** The organization's own dues account, the one its statements and notifications are of. */
    async accountOf(orgId: string) {
      const [row] = await db.select().from(collectionAccounts).where(eq(collectionAccounts.orgId, orgId));
      return row;
    },

    async organizationPath(orgId: string): Promise<string | undefined> {
      const [row] = await db.select({ path: duesOrganizations.path }).from(duesOrganizations).where(eq(duesOrganizations.orgId, orgId));
      return row?.path;
    },

    /** Records the lines the account has not had; returns those, by reference. A line seen before is left as it was. */
    async insertNewTransactions(rows: readonly (Omit<typeof bankTransactions.$inferInsert, 'amount'> & { amount: bigint })[]) {
      const inserted: { id: string; reference: string }[] = [];
      for (const chunk of chunks(rows)) {
        inserted.push(
          ...(await db
            .insert(bankTransactions)
            .values(chunk.map((row) => ({ ...row, amount: sql`${row.amount.toString()}::bigint` })))
            .onConflictDoNothing({ target: [bankTransactions.accountNumber, bankTransactions.reference] })
            .returning({ id: bankTransactions.id, reference: bankTransactions.reference })),
        );
      }
      return inserted;
    },

    /** The payments prepared with these codes, whatever account they name. */
    paymentsByCode: (codes: readonly string[]) =>
      codes.length === 0
        ? Promise.resolve([])
        : db.select({ id: qrPayments.id, code: qrPayments.code, memberId: qrPayments.memberId, months: qrPayments.months, collectingOrgId: qrPayments.collectingOrgId }).from(qrPayments).where(inArray(qrPayments.code, [...codes])),

    /**
     * The obligations of these members in these months, locked in (member, month) order, the order every payment
     * locks in, so that an import and a cash payment of the same months wait for each other instead of deadlocking.
     */
    lockObligations: (memberIds: readonly string[], periods: readonly string[]) =>
      memberIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: obligations.id, memberId: obligations.memberId, orgId: obligations.orgId, period: obligations.period, amount: sql<string>`${obligations.amount}::text`, status: obligations.status })
            .from(obligations)
            .where(and(inArray(obligations.memberId, [...new Set(memberIds)]), inArray(obligations.period, [...new Set(periods)])))
            .orderBy(asc(obligations.memberId), asc(obligations.period))
            .for('update'),

    /** `count` receipt numbers of the organization and year, the first of them returned; gap-free like one at a time. */
    async reserveReceiptNumbers(orgId: string, year: number, count: number): Promise<number> {
      const [row] = await db
        .insert(receiptCounters)
        .values({ orgId, year, lastNumber: count })
        .onConflictDoUpdate({ target: [receiptCounters.orgId, receiptCounters.year], set: { lastNumber: sql`${receiptCounters.lastNumber} + ${count}` } })
        .returning({ last: receiptCounters.lastNumber });
      return row!.last - count + 1;
    },

    async insertReceipts(rows: readonly (Omit<typeof receipts.$inferInsert, 'amount'> & { amount: bigint })[]) {
      const inserted: (typeof receipts.$inferSelect)[] = [];
      for (const chunk of chunks(rows)) {
        inserted.push(...(await db.insert(receipts).values(chunk.map((row) => ({ ...row, amount: sql`${row.amount.toString()}::bigint` }))).returning()));
      }
      return inserted;
    },

    /** Each obligation paid online by its receipt. */
    async markPaidOnline(pairs: readonly { obligationId: string; receiptId: string }[], paidAt: Date) {
      for (const chunk of chunks(pairs)) {
        await db.execute(sql`
          update ${obligations} set status = 'PAID_ONLINE', paid_at = ${paidAt.toISOString()}::timestamptz, receipt_id = paid.receipt_id
          from (select unnest(${array(chunk.map((p) => p.obligationId), 'uuid')}) as id, unnest(${array(chunk.map((p) => p.receiptId), 'uuid')}) as receipt_id) paid
          where ${obligations.id} = paid.id`);
      }
    },

    async setTransactionReceipts(pairs: readonly { transactionId: string; receiptId: string }[]) {
      for (const chunk of chunks(pairs)) {
        await db.execute(sql`
          update ${bankTransactions} set receipt_id = paid.receipt_id
          from (select unnest(${array(chunk.map((p) => p.transactionId), 'uuid')}) as id, unnest(${array(chunk.map((p) => p.receiptId), 'uuid')}) as receipt_id) paid
          where ${bankTransactions.id} = paid.id`);
      }
    },

    async insertExceptions(rows: readonly (Omit<typeof paymentExceptions.$inferInsert, 'expectedAmount'> & { expectedAmount: bigint | null })[]) {
      for (const chunk of chunks(rows)) {
        await db.insert(paymentExceptions).values(chunk.map((row) => ({ ...row, expectedAmount: row.expectedAmount === null ? null : sql`${row.expectedAmount.toString()}::bigint` })));
      }
    },

    async receiptById(id: string) {
      const [row] = await db.select().from(receipts).where(eq(receipts.id, id));
      return row;
    },

    async insertImport(row: typeof bankStatementImports.$inferInsert): Promise<StatementImportRow> {
      const [created] = await db.insert(bankStatementImports).values(row).returning();
      return created!;
    },

    /** Exceptions of the organization and those under it, with their lines, newest first; open ones only unless `all`. */
    exceptionsInSubtree: (path: string, all: boolean, limit: number) =>
      db
        .select({ exception: paymentExceptions, line: bankTransactions })
        .from(paymentExceptions)
        .innerJoin(bankTransactions, eq(bankTransactions.id, paymentExceptions.transactionId))
        .where(and(like(paymentExceptions.orgPath, `${path}%`), ...(all ? [] : [isNull(paymentExceptions.resolution)])) as SQL)
        .orderBy(desc(paymentExceptions.createdAt), asc(bankTransactions.reference))
        .limit(limit),

    exceptionsOfImport: (importId: string) =>
      db
        .select({ exception: paymentExceptions, line: bankTransactions })
        .from(paymentExceptions)
        .innerJoin(bankTransactions, eq(bankTransactions.id, paymentExceptions.transactionId))
        .where(eq(bankTransactions.importId, importId))
        .orderBy(asc(bankTransactions.bookedOn), asc(bankTransactions.reference)),

    async exceptionForUpdate(id: string) {
      const [row] = await db
        .select({ exception: paymentExceptions, line: bankTransactions })
        .from(paymentExceptions)
        .innerJoin(bankTransactions, eq(bankTransactions.id, paymentExceptions.transactionId))
        .where(eq(paymentExceptions.id, id))
        .for('update');
      return row;
    },

    async resolveException(id: string, resolution: { resolution: 'APPLIED' | 'REFUNDED' | 'NOT_DUES'; reason: string; details: unknown; receiptId: string | null; resolvedBy: string | null }) {
      const [row] = await db
        .update(paymentExceptions)
        .set({ ...resolution, resolvedAt: sql`now()` })
        .where(and(eq(paymentExceptions.id, id), isNull(paymentExceptions.resolution)))
        .returning();
      return row;
    },
  };
}

import { and, asc, desc, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { jsonRecords } from '../json-records.ts';

const { bankStatementImports, bankTransactions, collectionAccounts, duesOrganizations, obligations, paymentExceptions, qrPayments, receiptCounters, receipts } = tables;

export type BankTransactionRow = typeof bankTransactions.$inferSelect;
export type PaymentExceptionRow = typeof paymentExceptions.$inferSelect;
export type StatementImportRow = typeof bankStatementImports.$inferSelect;
/** An exception with the credited line it is about. */
export interface ExceptionWithLine {
  exception: PaymentExceptionRow;
  line: BankTransactionRow;
}

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
      if (rows.length === 0) return [];
      const inserted = await db.execute<{ id: string; reference: string }>(sql`
        insert into ${bankTransactions} (org_id, account_number, reference, source, import_id, booked_on, amount, narrative, payment_code)
        select org_id, account_number, reference, source::dues.bank_transaction_source, import_id, booked_on, amount, narrative, payment_code
        from jsonb_to_recordset(${jsonRecords(rows.map((row) => ({ org_id: row.orgId, account_number: row.accountNumber, reference: row.reference, source: row.source, import_id: row.importId ?? null, booked_on: row.bookedOn, amount: row.amount.toString(), narrative: row.narrative, payment_code: row.paymentCode ?? null })))})
          as line(org_id uuid, account_number text, reference text, source text, import_id uuid, booked_on date, amount bigint, narrative text, payment_code text)
        on conflict (account_number, reference) do nothing
        returning id, reference`);
      return [...inserted];
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

    /** The receipts, numbered by the caller; returns their ids and numbers. */
    async insertReceipts(rows: readonly (Omit<typeof receipts.$inferInsert, 'amount' | 'id'> & { amount: bigint })[]) {
      if (rows.length === 0) return [];
      const inserted = await db.execute<{ id: string; number: number; amount: string; months: string[] }>(sql`
        insert into ${receipts} (org_id, year, number, member_id, amount, months, method, received_by, received_at)
        select org_id, year, number, member_id, amount, months, method::dues.obligation_status, received_by, received_at
        from jsonb_to_recordset(${jsonRecords(rows.map((row) => ({ org_id: row.orgId, year: row.year, number: row.number, member_id: row.memberId, amount: row.amount.toString(), months: row.months, method: row.method, received_by: row.receivedBy ?? null, received_at: (row.receivedAt as Date).toISOString() })))})
          as receipt(org_id uuid, year int, number int, member_id uuid, amount bigint, months date[], method text, received_by uuid, received_at timestamptz)
        returning id, number, amount::text, months::text[]`);
      return [...inserted];
    },

    /** Each obligation paid online by its receipt. */
    async markPaidOnline(pairs: readonly { obligationId: string; receiptId: string }[], paidAt: Date) {
      if (pairs.length === 0) return;
      await db.execute(sql`
        update ${obligations} set status = 'PAID_ONLINE', paid_at = ${paidAt.toISOString()}::timestamptz, receipt_id = paid.receipt_id
        from jsonb_to_recordset(${jsonRecords(pairs.map((p) => ({ id: p.obligationId, receipt_id: p.receiptId })))}) as paid(id uuid, receipt_id uuid)
        where ${obligations.id} = paid.id`);
    },

    async setTransactionReceipts(pairs: readonly { transactionId: string; receiptId: string }[]) {
      if (pairs.length === 0) return;
      await db.execute(sql`
        update ${bankTransactions} set receipt_id = paid.receipt_id
        from jsonb_to_recordset(${jsonRecords(pairs.map((p) => ({ id: p.transactionId, receipt_id: p.receiptId })))}) as paid(id uuid, receipt_id uuid)
        where ${bankTransactions.id} = paid.id`);
    },

    async insertExceptions(rows: readonly (Omit<typeof paymentExceptions.$inferInsert, 'expectedAmount'> & { expectedAmount: bigint | null })[]) {
      if (rows.length === 0) return;
      await db.execute(sql`
        insert into ${paymentExceptions} (transaction_id, org_id, org_path, kind, qr_payment_id, member_id, expected_amount)
        select transaction_id, org_id, org_path, kind::dues.payment_exception_kind, qr_payment_id, member_id, expected_amount
        from jsonb_to_recordset(${jsonRecords(rows.map((row) => ({ transaction_id: row.transactionId, org_id: row.orgId, org_path: row.orgPath, kind: row.kind, qr_payment_id: row.qrPaymentId ?? null, member_id: row.memberId ?? null, expected_amount: row.expectedAmount?.toString() ?? null })))})
          as exception(transaction_id uuid, org_id uuid, org_path text, kind text, qr_payment_id uuid, member_id uuid, expected_amount bigint)`);
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

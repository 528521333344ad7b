import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { duesSchema } from './dues.ts';
import { uploadTables } from './uploads.ts';

/** Bank statements uploaded by a finance member (docs/decisions/0006-file-upload.md), received by the dues subgraph. */
export const { uploads: duesUploads, uploadChunks: duesUploadChunks } = uploadTables(duesSchema);

/** docs/rules/dues-payments.md#bank-statements: where a credited transfer came from. */
export const bankTransactionSource = duesSchema.enum('bank_transaction_source', ['STATEMENT', 'NOTIFICATION']);

/** One import of a bank statement, or one notification service's deliveries on an account: what it brought. */
export const bankStatementImports = duesSchema.table(
  'bank_statement_imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    accountNumber: text('account_number').notNull(),
    /** The preset whose columns were read (VIETCOMBANK, BIDV, …), or CUSTOM for a mapping given with the import. */
    preset: text().notNull(),
    uploadId: uuid('upload_id'),
    fileName: text('file_name').notNull(),
    /** Credit lines read, lines new to the account, matched lines, exceptions raised, lines already seen. */
    creditLines: integer('credit_lines').notNull(),
    newLines: integer('new_lines').notNull(),
    matched: integer().notNull(),
    exceptions: integer().notNull(),
    alreadySeen: integer('already_seen').notNull(),
    importedBy: uuid('imported_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bank_statement_imports_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * docs/rules/dues-payments.md#one-line-once: each credited transfer on a collection account, once: the bank's
 * reference (or the notification's transaction id) is unique per account, so a statement imported again, an
 * overlapping one, or a notification delivered twice adds nothing.
 */
export const bankTransactions = duesSchema.table(
  'bank_transactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    accountNumber: text('account_number').notNull(),
    reference: text().notNull(),
    source: bankTransactionSource().notNull(),
    importId: uuid('import_id'),
    bookedOn: date('booked_on').notNull(),
    /** Whole dong credited. */
    amount: bigint({ mode: 'number' }).notNull(),
    narrative: text().notNull(),
    /** The payment code found in the narrative, if any. */
    paymentCode: text('payment_code'),
    /** The receipt when the line paid months (matched, or applied on resolution). */
    receiptId: uuid('receipt_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bank_transactions_account_reference_idx').on(t.accountNumber, t.reference), index('bank_transactions_import_idx').on(t.importId)],
);

/** docs/rules/dues-payments.md#the-exception-queue: why a credited line did not pay its months by itself. */
export const paymentExceptionKind = duesSchema.enum('payment_exception_kind', ['UNMATCHED', 'PARTIAL', 'OVERPAID', 'ALREADY_PAID', 'MONTH_CLOSED', 'OTHER_ORGANIZATION']);
export const paymentExceptionResolution = duesSchema.enum('payment_exception_resolution', ['APPLIED', 'REFUNDED', 'NOT_DUES']);

/** A credited line waiting for the finance member, and how it was resolved (once). */
export const paymentExceptions = duesSchema.table(
  'payment_exceptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    transactionId: uuid('transaction_id').notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    kind: paymentExceptionKind().notNull(),
    /** The prepared payment the code named, and its member, when a code was found. */
    qrPaymentId: uuid('qr_payment_id'),
    memberId: uuid('member_id'),
    /** Whole dong the code's months asked when the line arrived. */
    expectedAmount: bigint('expected_amount', { mode: 'number' }),
    resolution: paymentExceptionResolution(),
    reason: text(),
    /** What the resolution did: the months applied, as first days. */
    details: jsonb(),
    receiptId: uuid('receipt_id'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_exceptions_transaction_idx').on(t.transactionId),
    index('payment_exceptions_open_idx').using('btree', t.orgPath.op('text_pattern_ops')).where(sql`${t.resolution} is null`),
  ],
);

/**
 * docs/api.md#payment-notifications: the key a payment-notification service presents for one collection account;
 * only its SHA-256 is kept, the key itself is shown once to the finance member who made it.
 */
export const notificationKeys = duesSchema.table(
  'notification_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    accountNumber: text('account_number').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notification_keys_hash_idx').on(t.keyHash)],
);

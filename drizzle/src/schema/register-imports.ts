import { bigint, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { memberUploads } from './member-uploads.ts';
import { membersSchema } from './members.ts';

/**
 * Imports of the central member database's export (docs/rules/register-import.md): tables of the members
 * schema. An import is analysed into rows, one per row of the file plus one per register member the file
 * lacks, and nothing in the register changes until an administrator applies rows.
 */
export const registerImportStatus = membersSchema.enum('register_import_status', ['ANALYSING', 'READY', 'REFUSED', 'APPLIED']);
export const registerImportRowKind = membersSchema.enum('register_import_row_kind', [
  'PENDING',
  'NEW',
  'CHANGED',
  'UNCHANGED',
  'MISSING',
  'DUPLICATE',
  'INVALID',
]);

export const registerImports = membersSchema.table('register_imports', {
  id: uuid().primaryKey().defaultRandom(),
  uploadId: uuid('upload_id')
    .notNull()
    .unique()
    .references(() => memberUploads.id),
  fileName: text('file_name').notNull(),
  orgId: uuid('org_id').notNull(),
  orgPath: text('org_path').notNull(),
  createdBy: uuid('created_by').notNull(),
  status: registerImportStatus().notNull().default('ANALYSING'),
  /** The file's columns the import read (docs/rules/register-import.md#columns). */
  columns: text().array().notNull(),
  totalRows: integer('total_rows').notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  /** Why the whole file was refused, when it was (a missing column, no rows). */
  fileErrors: jsonb('file_errors'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

export const registerImportRows = membersSchema.table(
  'register_import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => registerImports.id, { onDelete: 'cascade' }),
    /** The spreadsheet's row number; members the file lacks are numbered after its last row. */
    rowNumber: integer('row_number').notNull(),
    kind: registerImportRowKind().notNull(),
    citizenId: text('citizen_id'),
    /** The validated record of the row (ImportRecord), null for a missing member and an invalid row. */
    record: jsonb(),
    /** The register member it matched by citizen ID, or probably is (a duplicate), or lacks (missing). */
    memberId: uuid('member_id'),
    changes: jsonb().notNull().default([]),
    errors: jsonb().notNull().default([]),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.rowNumber] }), index('register_import_rows_kind_idx').on(t.importId, t.kind, t.rowNumber)],
);

/**
 * Social-insurance reconciliations (docs/rules/register-import.md#social-insurance): a file of citizen IDs and
 * insured salaries, reviewed against each member's dues basis before anything is set.
 */
export const insuranceReconciliationStatus = membersSchema.enum('insurance_reconciliation_status', ['READY', 'REFUSED', 'APPLIED']);
export const insuranceRowKind = membersSchema.enum('insurance_row_kind', ['CHANGED', 'UNCHANGED', 'NOT_FOUND', 'INVALID']);

export const insuranceReconciliations = membersSchema.table('insurance_reconciliations', {
  id: uuid().primaryKey().defaultRandom(),
  uploadId: uuid('upload_id')
    .notNull()
    .unique()
    .references(() => memberUploads.id),
  fileName: text('file_name').notNull(),
  orgId: uuid('org_id').notNull(),
  orgPath: text('org_path').notNull(),
  createdBy: uuid('created_by').notNull(),
  status: insuranceReconciliationStatus().notNull(),
  /** The dues month the amounts before and after are reckoned for (YYYY-MM). */
  month: text().notNull(),
  fileErrors: jsonb('file_errors'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});

export const insuranceReconciliationRows = membersSchema.table(
  'insurance_reconciliation_rows',
  {
    reconciliationId: uuid('reconciliation_id')
      .notNull()
      .references(() => insuranceReconciliations.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    kind: insuranceRowKind().notNull(),
    citizenId: text('citizen_id'),
    memberId: uuid('member_id'),
    /** Whole dong a month: the insured salary of the file, the member's basis and category before, and the dues each way. */
    insuredSalary: bigint('insured_salary', { mode: 'number' }),
    basisBefore: bigint('basis_before', { mode: 'number' }),
    categoryBefore: text('category_before'),
    duesBefore: bigint('dues_before', { mode: 'number' }),
    duesAfter: bigint('dues_after', { mode: 'number' }),
    errors: jsonb().notNull().default([]),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.reconciliationId, t.rowNumber] })],
);

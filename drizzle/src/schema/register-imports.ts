import { index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, primaryKey, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';

/** Raw bytes; postgres.js hands them over as Buffers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** docs/decisions/0006-file-upload.md: an upload waits for its bytes, then is received or refused, then consumed once. */
export const UPLOAD_STATUSES = ['PENDING', 'RECEIVED', 'REFUSED', 'CONSUMED'] as const;

/**
 * The two tables of file uploads (docs/decisions/0006-file-upload.md), made inside the schema of the subgraph
 * that owns the purpose: `uploads` holds what the start step declared and what the bytes turned out to be,
 * `upload_chunks` the bytes themselves in rows of at most 1 MiB, in order.
 */
export function uploadTables(schema: PgSchema) {
  const uploads = schema.table(
    'uploads',
    {
      id: uuid().primaryKey().defaultRandom(),
      purpose: text().notNull(),
      status: text({ enum: UPLOAD_STATUSES }).notNull().default('PENDING'),
      /** The person who started it; only they may send its bytes or use it. */
      ownerId: uuid('owner_id').notNull(),
      orgId: uuid('org_id').notNull(),
      orgPath: text('org_path').notNull(),
      fileName: text('file_name').notNull(),
      declaredBytes: bigint('declared_bytes', { mode: 'number' }).notNull(),
      /** Lower-case hex SHA-256 the client declared; the bytes must hash to it. */
      declaredSha256: text('declared_sha256').notNull(),
      receivedBytes: bigint('received_bytes', { mode: 'number' }),
      /** What the bytes are (CSV, XLSX, PDF, JPEG, PNG), decided by the bytes alone. */
      detectedType: text('detected_type'),
      refusal: text(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      receivedAt: timestamp('received_at', { withTimezone: true }),
      consumedAt: timestamp('consumed_at', { withTimezone: true }),
    },
    (t) => [
      index('uploads_expiry_idx').on(t.expiresAt),
      check('uploads_sha256_hex', sql`${t.declaredSha256} ~ '^[0-9a-f]{64}$'`),
      check('uploads_declared_positive', sql`${t.declaredBytes} > 0`),
    ],
  );
  const uploadChunks = schema.table(
    'upload_chunks',
    {
      uploadId: uuid('upload_id')
        .notNull()
        .references(() => uploads.id, { onDelete: 'cascade' }),
      seq: integer().notNull(),
      bytes: bytea().notNull(),
    },
    (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
  );
  return { uploads, uploadChunks };
}

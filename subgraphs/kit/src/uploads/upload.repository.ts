import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { uploadTables } from '@dangvu/drizzle/schema';
import type { Executor } from '../store.ts';

export type UploadTables = ReturnType<typeof uploadTables>;
export type UploadRow = UploadTables['uploads']['$inferSelect'];
export type NewUpload = UploadTables['uploads']['$inferInsert'];

/** The staging rows' size: big enough for few rows, small enough that one row never strains a connection. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * An owning subgraph's uploads and their bytes (the `FileStore` seam of docs/decisions/0006-file-upload.md):
 * only this module knows the bytes sit in PostgreSQL, so an object store can take their place.
 */
export function uploadRepository(executor: Executor, { uploads, uploadChunks }: UploadTables) {
  return {
    async create(row: NewUpload): Promise<UploadRow> {
      const [created] = await executor.insert(uploads).values(row).returning();
      return created!;
    },
    async byId(id: string): Promise<UploadRow | null> {
      const [row] = await executor.select().from(uploads).where(eq(uploads.id, id));
      return row ?? null;
    },
    async byIdForUpdate(id: string): Promise<UploadRow | null> {
      const [row] = await executor.select().from(uploads).where(eq(uploads.id, id)).for('update');
      return row ?? null;
    },
    /** PENDING → RECEIVED with its bytes, or false when another request got there first. */
    async receive(id: string, bytes: Buffer, detectedType: string): Promise<boolean> {
      const claimed = await executor
        .update(uploads)
        .set({ status: 'RECEIVED', receivedBytes: bytes.length, detectedType, receivedAt: sql`now()` })
        .where(and(eq(uploads.id, id), eq(uploads.status, 'PENDING')))
        .returning({ id: uploads.id });
      if (claimed.length === 0) return false;
      const rows = [];
      for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++) {
        rows.push({ uploadId: id, seq, bytes: bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
      }
      // One chunk per statement: a batch of fifty 1 MiB parameters would build one 50 MiB message.
      for (const row of rows) await executor.insert(uploadChunks).values(row);
      return true;
    },
    /** PENDING → REFUSED with the reason; false when it was no longer pending. */
    async refuse(id: string, refusal: string, receivedBytes: number | null, detectedType: string | null): Promise<boolean> {
      const refused = await executor
        .update(uploads)
        .set({ status: 'REFUSED', refusal, receivedBytes, detectedType })
        .where(and(eq(uploads.id, id), eq(uploads.status, 'PENDING')))
        .returning({ id: uploads.id });
      return refused.length > 0;
    },
    /** RECEIVED → CONSUMED: an upload feeds one thing. False when it was not received or is already used. */
    async consume(id: string): Promise<boolean> {
      const consumed = await executor
        .update(uploads)
        .set({ status: 'CONSUMED', consumedAt: sql`now()` })
        .where(and(eq(uploads.id, id), eq(uploads.status, 'RECEIVED')))
        .returning({ id: uploads.id });
      return consumed.length > 0;
    },
    /** The bytes, in order. */
    async bytes(id: string): Promise<Buffer> {
      const chunks = await executor.select({ bytes: uploadChunks.bytes }).from(uploadChunks).where(eq(uploadChunks.uploadId, id)).orderBy(asc(uploadChunks.seq));
      return Buffer.concat(chunks.map((chunk) => chunk.bytes));
    },
    async deleteBytes(id: string): Promise<void> {
      await executor.delete(uploadChunks).where(eq(uploadChunks.uploadId, id));
    },
    /** Pending uploads whose hour has passed, and their chunks (cascade); their ids, for the audit trail. */
    async deleteExpired(now: Date): Promise<{ id: string; orgPath: string }[]> {
      return executor
        .delete(uploads)
        .where(and(eq(uploads.status, 'PENDING'), lt(uploads.expiresAt, now)))
        .returning({ id: uploads.id, orgPath: uploads.orgPath });
    },
  };
}

export type UploadRepository = ReturnType<typeof uploadRepository>;

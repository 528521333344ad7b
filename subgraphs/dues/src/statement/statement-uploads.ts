import { tables } from '@dangvu/drizzle';
import { defineUploads } from '@dangvu/subgraph-kit';

/** The dues subgraph's upload purposes (docs/decisions/0006-file-upload.md#size-and-type): a bank's statement export. */
export const statementUploads = defineUploads(
  { uploads: tables.duesUploads, uploadChunks: tables.duesUploadChunks },
  { BANK_STATEMENT: { types: ['CSV', 'XLSX'], maxBytes: 20 * 1024 * 1024 } },
);

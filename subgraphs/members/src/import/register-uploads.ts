import { tables } from '@dangvu/drizzle';
import { defineUploads } from '@dangvu/subgraph-kit';

/** The members subgraph's upload purposes (docs/decisions/0006-file-upload.md#size-and-type). */
export const registerUploads = defineUploads(
  { uploads: tables.memberUploads, uploadChunks: tables.memberUploadChunks },
  {
    REGISTER_IMPORT: { types: ['CSV', 'XLSX'], maxBytes: 50 * 1024 * 1024 },
    SOCIAL_INSURANCE: { types: ['CSV', 'XLSX'], maxBytes: 50 * 1024 * 1024 },
  },
);

export type RegisterUploadPurpose = keyof typeof registerUploads.purposes;

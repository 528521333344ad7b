import { membersSchema } from './members.ts';
import { uploadTables } from './uploads.ts';

/** Register imports and social-insurance files (docs/decisions/0006-file-upload.md), received by the members subgraph. */
export const { uploads: memberUploads, uploadChunks: memberUploadChunks } = uploadTables(membersSchema);

import { createHash } from 'node:crypto';
import type { Db } from '@dangvu/drizzle';
import { registerUploads, type RegisterUploadPurpose } from '../src/import/register-uploads.ts';

let uploads = 0;

/** A received upload, as the bytes route leaves it (the route itself is tested through the gateway). */
export async function receivedUpload(db: Db, bytes: Buffer, upload: { purpose: RegisterUploadPurpose; type: 'CSV' | 'XLSX'; ownerId: string; orgPath: string }) {
  const repository = registerUploads.repository(db);
  const row = await repository.create({
    purpose: upload.purpose,
    ownerId: upload.ownerId,
    orgId: upload.orgPath.split('/').at(-2)!,
    orgPath: upload.orgPath,
    fileName: `tep-${++uploads}.${upload.type.toLowerCase()}`,
    declaredBytes: bytes.length,
    declaredSha256: createHash('sha256').update(bytes).digest('hex'),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await repository.receive(row.id, bytes, upload.type);
  return row.id;
}

import { createHash } from 'node:crypto';
import { GATEWAY_URL } from '$app/env/private';

/** A file chosen in a form, as the upload start mutations describe it (docs/decisions/0006-file-upload.md#the-path). */
export interface ChosenFile {
  fileName: string;
  byteSize: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The form's `field` file with its size and hash; null when none was chosen (or an empty one). */
export async function chosenFile(form: FormData, field = 'file'): Promise<ChosenFile | null> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** What a start mutation is asked about a chosen file: its name, size and hash, not its bytes. */
export const describeFile = ({ fileName, byteSize, sha256 }: ChosenFile) => ({ fileName, byteSize, sha256 });

/**
 * Sends a started upload's bytes to the gateway's upload route (docs/decisions/0006-file-upload.md#the-path) as
 * the visitor, whose token the start mutation has just used. True once the owning subgraph accepted them.
 */
export async function sendUploadBytes(token: string, url: string, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const response = await fetch(new URL(url, GATEWAY_URL), {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
    body: bytes,
    signal: AbortSignal.timeout(60_000),
  });
  await response.body?.cancel();
  return response.ok;
}

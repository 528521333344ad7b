import { GATEWAY_URL } from '$app/env/private';

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

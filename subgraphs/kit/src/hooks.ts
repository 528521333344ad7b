import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpRejection } from './http.ts';

/**
 * Public HTTP hooks (docs/api.md#payment-notifications): outside services post JSON to the gateway at
 * `POST /hooks/<subgraph>/<name>`; the gateway signs a call for that hook and exactly that body, and the owning
 * subgraph authenticates the sender (its key) and answers in the sender's terms.
 */

/** Largest hook body: a notification is a few hundred bytes. */
export const MAX_HOOK_BYTES = 64 * 1024;

/** The document a signed hook call stands for, in place of a GraphQL query. */
export const hookCallDocument = (name: string) => `POST /hooks/${name}`;
/** The body's hash is signed, so the subgraph reads only the body the gateway passed on. */
export const hookCallVariables = (body: string) => ({ sha256: createHash('sha256').update(body).digest('hex') });

/** What a hook is handed: the sender's credential as sent, and the raw body. */
export interface HookRequest {
  authorization: string | undefined;
  body: string;
}

export interface HookAnswer {
  status: number;
  body: unknown;
}

export const HOOK_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The body of a hook request, at most MAX_HOOK_BYTES. */
export async function readHookBody(request: IncomingMessage): Promise<string | HttpRejection> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_HOOK_BYTES) return new HttpRejection(413, 'PAYLOAD_TOO_LARGE', `Nội dung quá lớn (tối đa ${MAX_HOOK_BYTES / 1024} KB).`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

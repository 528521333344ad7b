import { createHash } from 'node:crypto';

/** The header a client names its retry key in (docs/api.md#retries). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** What the gateway vouches for in each subgraph call of a keyed request. */
export interface IdempotencyClaim {
  key: string;
  /** A hash of the client's request: the same key with another request is refused. */
  fingerprint: string;
}

/** Printable ASCII without spaces, as the IETF draft's examples and most clients' UUIDs are; at most 255. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

export const isIdempotencyKey = (key: string) => KEY_SHAPE.test(key);

/** JSON with object keys sorted, so that a client that reorders its variables' keys sends the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fingerprint of a client's request: its document, operation name and variables. */
export function requestFingerprint(request: { query?: unknown; operationName?: unknown; variables?: unknown }): string {
  return createHash('sha256')
    .update(canonicalJson({ query: request.query ?? null, operationName: request.operationName ?? null, variables: request.variables ?? {} }))
    .digest('base64url');
}

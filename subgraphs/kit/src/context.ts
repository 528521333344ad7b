import type { IdempotencyClaim } from './idempotency-claim.ts';
import type { Identity } from './identity.ts';

/** What every subgraph's per-request context carries; each subgraph adds its loaders and services. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
  /** Set when the client sent an Idempotency-Key (docs/api.md#retries). */
  idempotency?: IdempotencyClaim | null;
}

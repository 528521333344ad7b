import type { Identity } from './identity.ts';

/** What every subgraph's per-request context carries; each subgraph adds its loaders and services. */
export interface RequestContext {
  identity: Identity;
  requestId: string;
}

import type { Identity } from '@dangvu/subgraph-kit';
import { policy } from './policy.ts';

type Abilities = Parameters<typeof policy.can>[1];

/** The policy's answers for the signed-in viewer, as the `viewerCan` types project them. */
export function viewerAbilities(identity: Identity) {
  return {
    on: <N extends Abilities>(subject: Parameters<typeof policy.can<N>>[2], name: N) => policy.can(identity, name, subject),
    /** Whether the viewer holds the ability over some subject: what a menu entry needs. */
    anywhere: (name: Abilities) => policy.mayTry(identity, name),
    /** The organizations of the viewer's roles, nearest the root first, each once. */
    homeOrganizations: () =>
      [...new Map(identity.grants.map((grant) => [grant.orgId, { id: grant.orgId, path: grant.orgPath }])).values()].sort(
        (a, b) => a.path.split('/').length - b.path.split('/').length,
      ),
  };
}

/** `Query.viewerCan` is about the caller alone: it has no subject of its own. */
export type ViewerSubject = Record<string, never>;

export type ViewerAbilities = ReturnType<typeof viewerAbilities>;

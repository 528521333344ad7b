import type { Identity } from '@dangvu/subgraph-kit';
import { policy } from './policy.ts';

type Abilities = Parameters<typeof policy.can>[1];

/** The policy's answers for the signed-in viewer, as the `viewerCan` types project them. */
export function viewerAbilities(identity: Identity) {
  return {
    on: <N extends Abilities>(subject: Parameters<typeof policy.can<N>>[2], name: N) => policy.can(identity, name, subject),
  };
}

export type ViewerAbilities = ReturnType<typeof viewerAbilities>;

import { parseId, type Identity } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MemberLoaders } from './member.loaders.ts';
import type { MemberRow } from './member.repository.ts';

/** Reading one record by id: a member outside the caller's reach is answered as one that does not exist, so the id tells nothing. */
export function memberReadService(loaders: MemberLoaders, identity: Identity) {
  return {
    async byId(id: string): Promise<MemberRow | null> {
      const member = await loaders.byId.load(parseId(id));
      return member && policy.can(identity, 'SEE_MEMBER', member) ? member : null;
    },
  };
}

export type MemberReadService = ReturnType<typeof memberReadService>;

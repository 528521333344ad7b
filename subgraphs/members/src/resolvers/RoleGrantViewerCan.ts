import { vietnamDay } from '@dangvu/subgraph-kit';
import type { RoleGrantViewerCanResolvers } from '../generated/resolvers.ts';

export const RoleGrantViewerCan: RoleGrantViewerCanResolvers = {
  end: (grant, _, context) => (grant.endsOn === null || grant.endsOn > vietnamDay(new Date())) && context.abilities.on(grant, 'END_ROLE'),
};

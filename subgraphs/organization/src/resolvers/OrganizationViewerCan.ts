import { viewerCanResolvers } from '@dangvu/subgraph-kit';
import type { OrganizationViewerCanResolvers } from '../generated/resolvers.ts';
import { policy } from '../policy.ts';

// The kit types each answer's parent as `never` (it cannot know the subject type): here it is the organization
// subject the key carries, which is what every ability named below takes.
const abilities = viewerCanResolvers(policy, {
  shapeTree: 'SHAPE_TREE',
  setDuesAccount: 'SET_DUES_ACCOUNT',
  setRolloutScope: 'SET_ROLLOUT_SCOPE',
}) as unknown as Pick<OrganizationViewerCanResolvers, 'shapeTree' | 'setDuesAccount' | 'setRolloutScope'>;

export const OrganizationViewerCan: OrganizationViewerCanResolvers = {
  // The answers concern the caller, not stored data: the path the key carries is all they need.
  __resolveReference: (reference) => reference,
  ...abilities,
};

import { viewerCanResolvers } from '@dangvu/subgraph-kit';
import type { OrganizationViewerCanResolvers } from '../generated/resolvers.ts';
import { policy } from '../policy.ts';

const abilities = viewerCanResolvers(policy, {
  shapeTree: 'SHAPE_TREE',
  setDuesAccount: 'SET_DUES_ACCOUNT',
  setRolloutScope: 'SET_ROLLOUT_SCOPE',
  submitMonthlyReport: 'SUBMIT_MONTHLY_REPORT',
  seeMonthlyReports: 'SEE_MONTHLY_REPORTS',
});

export const OrganizationViewerCan: OrganizationViewerCanResolvers = {
  // The answers concern the caller, not stored data: the path the key carries is all they need.
  __resolveReference: (reference) => reference,
  ...abilities,
};

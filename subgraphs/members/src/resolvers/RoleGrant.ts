import type { RoleGrantResolvers } from '../generated/resolvers.ts';

export const RoleGrant: RoleGrantResolvers = {
  organization: (grant) => ({ id: grant.orgId }),
  viewerCan: (grant) => grant,
};

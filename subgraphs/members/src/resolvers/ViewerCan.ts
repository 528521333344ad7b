import type { ViewerCanResolvers } from '../generated/resolvers.ts';

export const ViewerCan: ViewerCanResolvers = {
  searchMembers: (_, __, context) => context.abilities.anywhere('SEARCH_MEMBERS'),
  homeOrganizations: (_, __, context) => context.abilities.homeOrganizations(),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const OrganizationVersion: Resolvers['OrganizationVersion'] = {
  parent: (version, _, context) => (version.parentId ? context.loaders.byId.load(version.parentId) : null),
};

import { parseId } from '@dangvu/subgraph-kit';
import type { OrganizationContext } from '../context.ts';

export const Query = {
  organization: (_: unknown, args: { id: string }, context: OrganizationContext) => context.loaders.byId.load(parseId(args.id)),
  organizationRoots: (_: unknown, _args: unknown, context: OrganizationContext) => context.organizations.roots(),
};

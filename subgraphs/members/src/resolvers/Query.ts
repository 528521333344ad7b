import { parseId } from '@dangvu/subgraph-kit';
import type { MembersContext } from '../context.ts';

export const Query = {
  me: (_: unknown, _args: unknown, context: MembersContext) =>
    context.identity.personId ? context.loaders.byId.load(context.identity.personId) : null,
  member: (_: unknown, args: { id: string }, context: MembersContext) => context.loaders.byId.load(parseId(args.id)),
};

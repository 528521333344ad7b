import { parseId } from '@dangvu/subgraph-kit';
import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  me: (_, _args, context) => (context.identity.personId ? context.loaders.byId.load(context.identity.personId) : null),
  // A member outside the caller's reach is answered as one that does not exist: the id tells nothing.
  member: async (_, args, context) => {
    const member = await context.loaders.byId.load(parseId(args.id));
    return member && context.abilities.on(member, 'SEE_MEMBER') ? member : null;
  },
  members: (_, args, context) => context.search.search(args.filter ?? {}, args.first ?? null, args.after ?? null),
  auditTrail: (_, args, context) => context.auditTrail.trail(args.entityId),
  viewerCan: () => ({}),
  sessionState: (_, args, context) => context.sessions.state(args.id),
};

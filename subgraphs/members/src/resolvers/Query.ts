import { parseId } from '@dangvu/subgraph-kit';
import type { MembersContext } from '../context.ts';
import type { MemberFilter } from '../member/member-search.service.ts';

export const Query = {
  me: (_: unknown, _args: unknown, context: MembersContext) =>
    context.identity.personId ? context.loaders.byId.load(context.identity.personId) : null,
  member: (_: unknown, args: { id: string }, context: MembersContext) => context.loaders.byId.load(parseId(args.id)),
  members: (_: unknown, args: { filter?: MemberFilter | null; first: number | null; after?: string | null }, context: MembersContext) =>
    context.search.search(args.filter ?? {}, args.first, args.after ?? null),
};

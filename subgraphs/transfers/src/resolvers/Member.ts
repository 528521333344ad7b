import type { MemberResolvers } from '../generated/resolvers.ts';

/** A member as other subgraphs send one: the id and, through @requires, the organization's path. */
export type MemberReference = { id: string; orgPath?: string };

export const Member: MemberResolvers = {
  __resolveReference: (reference) => reference,
  transfers: (member, _, context) => context.loaders.ofMember.load(member.id),
};

import type { CommentExemptionResolvers } from '../generated/resolvers.ts';

export const CommentExemption: CommentExemptionResolvers = {
  member: async (exemption, _, context) => (await context.loaders.byId.load(exemption.memberId))!,
};

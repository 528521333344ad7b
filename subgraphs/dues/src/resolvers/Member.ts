import type { MemberResolvers } from '../generated/resolvers.ts';
import { duesStanding } from '../standing/standing.rules.ts';

export const Member: MemberResolvers = {
  __resolveReference: (reference) => reference,
  duesStanding: async (member, _, context) => duesStanding(await context.loaders.obligations.load(member.id)),
  duesMonths: async (member, _, context) =>
    [...(await context.loaders.obligations.load(member.id))].sort((a, b) => b.period.localeCompare(a.period)).map((obligation) => ({ member, obligation })),
};

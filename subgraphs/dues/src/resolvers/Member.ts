import { vietnamDay } from '@dangvu/subgraph-kit';
import type { MemberResolvers } from '../generated/resolvers.ts';
import { monthsOf } from './DuesMonth.ts';
import { duesStanding } from '../standing/standing.rules.ts';

export const Member: MemberResolvers = {
  __resolveReference: (reference) => reference,
  duesStanding: async (member, _, context) => duesStanding(await context.loaders.obligations.load(member.id), vietnamDay(context.now())),
  duesMonths: (member, _, context) => monthsOf(member, context),
  duesReceipts: (member, _, context) => context.receipts.ofMember(member.id),
  duesShareLinks: (member, _, context) => context.shareLinks.ofMember(member.id),
};

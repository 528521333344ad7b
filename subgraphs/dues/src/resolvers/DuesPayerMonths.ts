import { vietnamDay } from '@dangvu/subgraph-kit';
import type { DuesPayerMonthsResolvers } from '../generated/resolvers.ts';
import { duesStanding } from '../standing/standing.rules.ts';
import type { MemberReference } from '../policy.ts';
import { monthsOf } from './DuesMonth.ts';

export interface DuesPayerMonthsModel {
  member: MemberReference;
}

export const DuesPayerMonths: DuesPayerMonthsResolvers = {
  months: ({ member }, _, context) => monthsOf(member, context),
  // The member's own standing's arrears: the sheet and the member's page count alike.
  arrears: async ({ member }, _, context) => duesStanding(await context.loaders.obligations.load(member.id), vietnamDay(context.now())).arrears,
};

import { vietnamDay } from '@dangvu/subgraph-kit';
import type { DuesPayerMonthsResolvers } from '../generated/resolvers.ts';
import { arrearsOf } from '../standing/arrears.rules.ts';
import type { MemberReference } from '../policy.ts';
import { monthsOf } from './DuesMonth.ts';

export interface DuesPayerMonthsModel {
  member: MemberReference;
}

export const DuesPayerMonths: DuesPayerMonthsResolvers = {
  months: ({ member }, _, context) => monthsOf(member, context),
  // The loaded window is the last twelve months, which holds every month of this calendar year.
  arrears: async ({ member }, _, context) => arrearsOf(await context.loaders.obligations.load(member.id), vietnamDay(new Date())),
};

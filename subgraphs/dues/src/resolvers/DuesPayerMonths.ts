import type { DuesPayerMonthsResolvers } from '../generated/resolvers.ts';
import type { MemberReference } from '../policy.ts';
import { monthsOf } from './DuesMonth.ts';

export interface DuesPayerMonthsModel {
  member: MemberReference;
}

export const DuesPayerMonths: DuesPayerMonthsResolvers = {
  months: ({ member }, _, context) => monthsOf(member, context),
};

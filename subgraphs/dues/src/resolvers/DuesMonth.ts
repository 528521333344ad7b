import type { DuesMonthResolvers } from '../generated/resolvers.ts';
import type { DuesContext } from '../context.ts';
import type { MemberReference } from '../policy.ts';
import type { StandingObligation } from '../standing/standing.repository.ts';

/** A month's obligation with the member it belongs to, whose trail records a read of its figures. */
export interface DuesMonthModel {
  member: MemberReference;
  obligation: StandingObligation;
}

/** A member's months of the last twelve, newest first. */
export const monthsOf = async (member: MemberReference, context: DuesContext): Promise<DuesMonthModel[]> =>
  [...(await context.loaders.obligations.load(member.id))].sort((a, b) => b.period.localeCompare(a.period)).map((obligation) => ({ member, obligation }));

export const DuesMonth: DuesMonthResolvers = {
  month: ({ obligation }) => obligation.period.slice(0, 7),
  amount: ({ obligation }) => obligation.amount,
  ratedAmount: ({ obligation }) => obligation.ratedAmount,
  status: ({ obligation }) => obligation.status,
  calculation: ({ member, obligation }, _, context) => {
    // A partner with dues:read is told what is owed, not the salary or pension behind it.
    if (context.identity.partner) return null;
    if (obligation.calculation !== null) context.views.record(member);
    return obligation.calculation;
  },
};

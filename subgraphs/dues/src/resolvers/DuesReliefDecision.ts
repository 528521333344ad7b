import type { DuesReliefDecisionResolvers } from '../generated/resolvers.ts';

export const DuesReliefDecision: DuesReliefDecisionResolvers = {
  member: (decision) => ({ id: decision.memberId }),
  fromMonth: (decision) => decision.fromMonth.slice(0, 7),
  untilMonth: (decision) => decision.untilMonth?.slice(0, 7) ?? null,
  decidedBy: (decision) => ({ id: decision.decidedByOrgId }),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const Rollout: Resolvers['Rollout'] = {
  // No month set anywhere counts as online from the start of the roll-out.
  countsIn: (rollout, { month }) => rollout.inScope && (rollout.onlineFrom === null || rollout.onlineFrom <= month),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const StatusChange: Resolvers['StatusChange'] = {
  decidedBy: (change, _, context) => (change.decidedBy ? context.loaders.byId.load(change.decidedBy) : null),
  viewerActions: (change, _, context) => context.statusChangeReads.viewerActions(change),
};

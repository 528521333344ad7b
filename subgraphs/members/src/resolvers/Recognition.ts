import type { Resolvers } from '../generated/resolvers.ts';

export const Recognition: Resolvers['Recognition'] = {
  proposedBy: (recognition, _, context) => (recognition.proposedBy ? context.loaders.byId.load(recognition.proposedBy) : null),
  decidedBy: (recognition, _, context) => (recognition.decidedBy ? context.loaders.byId.load(recognition.decidedBy) : null),
};

import type { Resolvers } from '../generated/resolvers.ts';

export const Recognition: Resolvers['Recognition'] = {
  decidedBy: (recognition, _, context) => context.loaders.byId.load(recognition.decidedBy),
};

import { BANKS } from '../bank-account/banks.ts';
import type { Resolvers } from '../generated/resolvers.ts';

export const Query: Resolvers['Query'] = {
  organization: (_, { id, asOf }, context) => context.reads.byId(id, asOf),
  organizationRoots: (_, _args, context) => context.reads.roots(),
  banks: () => [...BANKS],
};

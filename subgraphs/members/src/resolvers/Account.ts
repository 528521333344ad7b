import type { AccountResolvers } from '../generated/resolvers.ts';

export const Account: AccountResolvers = {
  member: async (account, _, context) => (await context.loaders.byId.load(account.memberId))!,
  secondFactorEnabled: (account) => account.totpEnabledAt !== null,
  availableActions: (account, _, context) => context.accounts.availableActions(account.memberId, account),
};

import type { AccountResolvers } from '../generated/resolvers.ts';

export const Account: AccountResolvers = {
  member: async (account, _, context) => (await context.loaders.byId.load(account.memberId))!,
  // The username is the holder's citizen ID: reading it is reading personal data (docs/rules/personal-data.md#reads-are-recorded).
  username: async (account, _, context) => {
    await context.views.recordById(account.memberId, (id) => context.loaders.byId.load(id));
    return account.username;
  },
  secondFactorEnabled: (account) => account.totpEnabledAt !== null,
  availableActions: (account, _, context) => context.accounts.availableActions(account.memberId, account),
};

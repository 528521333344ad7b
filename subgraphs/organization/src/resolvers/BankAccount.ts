import { bankByBin } from '../bank-account/banks.ts';
import type { Resolvers } from '../generated/resolvers.ts';

export const BankAccount: Resolvers['BankAccount'] = {
  // An account set before its bank left the list still shows the BIN it was set with.
  bank: (account) => bankByBin(account.bankBin) ?? { bin: account.bankBin, shortName: account.bankBin, name: account.bankBin },
  updatedAt: (account) => account.updatedAt.toISOString(),
};

import { bankByBin } from '../bank-account/banks.ts';
import type { BankAccountRow } from '../organization/organization.repository.ts';

export const BankAccount = {
  // An account set before its bank left the list still shows the BIN it was set with.
  bank: (account: BankAccountRow) => bankByBin(account.bankBin) ?? { bin: account.bankBin, shortName: account.bankBin, name: account.bankBin },
  updatedAt: (account: BankAccountRow) => account.updatedAt.toISOString(),
};

import type { UserError } from '@dangvu/subgraph-kit';
import { bankByBin } from './banks.ts';

export interface BankAccountInput {
  bankBin: string;
  accountNumber: string;
  holderName: string;
}

/** Upper case, no diacritics (đ → D), single spaces: how Vietnamese banks hold an account's name. */
export function bankHolderName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeBankAccount(input: BankAccountInput): BankAccountInput {
  return {
    bankBin: input.bankBin.trim(),
    accountNumber: input.accountNumber.replace(/[\s.-]/g, '').toUpperCase(),
    holderName: bankHolderName(input.holderName),
  };
}

/** Every problem with a normalized account, each naming its field. */
export function bankAccountErrors(account: BankAccountInput): UserError[] {
  const errors: UserError[] = [];
  if (!bankByBin(account.bankBin)) {
    errors.push({ code: 'UNKNOWN_BANK', field: 'bankBin', message: 'Hãy chọn ngân hàng trong danh sách.' });
  }
  if (!/^[0-9A-Z]{6,19}$/.test(account.accountNumber)) {
    errors.push({ code: 'INVALID_ACCOUNT_NUMBER', field: 'accountNumber', message: 'Số tài khoản gồm 6 đến 19 chữ số hoặc chữ cái.' });
  }
  if (!/^[A-Z][A-Z ]{1,49}$/.test(account.holderName)) {
    errors.push({ code: 'INVALID_HOLDER_NAME', field: 'holderName', message: 'Tên chủ tài khoản gồm 2 đến 50 chữ cái, đúng như ngân hàng ghi.' });
  }
  return errors;
}

/**
 * Who may hold a dues account (docs/rules/bank-accounts.md#eligible-organizations): every grassroots
 * organization and every committee above it; a subordinate cell, a partial committee and a party group pay
 * through the grassroots committee they belong to.
 */
export const ACCOUNT_ELIGIBLE_TYPES = ['CENTRAL', 'CENTRAL_DIRECT_COMMITTEE', 'PROVINCIAL', 'OVERSEAS', 'PROVINCE_SUBORDINATE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'] as const;

export const isAccountEligible = (type: string): boolean => (ACCOUNT_ELIGIBLE_TYPES as readonly string[]).includes(type);

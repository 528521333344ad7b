import { describe, expect, it } from 'vitest';
import { bankAccountErrors, bankHolderName, normalizeBankAccount } from './bank-account.rules.ts';

describe('bank accounts', () => {
  it('writes the holder name as banks do', () => {
    expect(bankHolderName('  Đảng ủy phường   Hoa Lư ')).toBe('DANG UY PHUONG HOA LU');
  });

  it('accepts a well-formed account after normalizing spaces and dots', () => {
    const account = normalizeBankAccount({ bankBin: '970405', accountNumber: '3500 205 123.456', holderName: 'Chi bộ thôn Đông' });
    expect(account).toEqual({ bankBin: '970405', accountNumber: '3500205123456', holderName: 'CHI BO THON DONG' });
    expect(bankAccountErrors(account)).toEqual([]);
  });

  it('names every bad field at once', () => {
    const errors = bankAccountErrors(normalizeBankAccount({ bankBin: '123456', accountNumber: '12-34', holderName: '1' }));
    expect(errors.map((e) => [e.code, e.field])).toEqual([
      ['UNKNOWN_BANK', 'bankBin'],
      ['INVALID_ACCOUNT_NUMBER', 'accountNumber'],
      ['INVALID_HOLDER_NAME', 'holderName'],
    ]);
  });

  it('refuses an account number that is too long', () => {
    expect(bankAccountErrors({ bankBin: '970436', accountNumber: '1'.repeat(20), holderName: 'AN' })[0]?.code).toBe('INVALID_ACCOUNT_NUMBER');
  });
});

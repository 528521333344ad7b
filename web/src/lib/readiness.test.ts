import { describe, expect, it } from 'vitest';
import { readinessFacts } from './readiness.ts';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });

describe('readinessFacts', () => {
  it('says how many organizations are ready and how many are missing, and members as a share', () => {
    const facts = readinessFacts({
      typeClassification: { eligible: 5, covered: 5 },
      bankAccountCoverage: { eligible: 3, covered: 1 },
      memberMonthlyFigures: {
        inScope: 8,
        accountsActivated: rate(3, 8),
        secretaryAccounts: rate(4, 5),
        deputySecretaryAccounts: rate(0, 5),
        financeMemberAccounts: rate(5, 5),
      },
    });
    expect(facts.map((fact) => fact.value)).toEqual(['5/5 (đủ)', '1/3 (còn thiếu 2)', '4/5 (còn thiếu 1)', '0/5 (còn thiếu 5)', '5/5 (đủ)', '3/8 (37,5%)']);
  });

  it('does not call an empty subtree ready', () => {
    const facts = readinessFacts({
      typeClassification: { eligible: 0, covered: 0 },
      bankAccountCoverage: { eligible: 0, covered: 0 },
      memberMonthlyFigures: { inScope: 0, accountsActivated: rate(0, 0), secretaryAccounts: rate(0, 0), deputySecretaryAccounts: rate(0, 0), financeMemberAccounts: rate(0, 0) },
    });
    expect(facts[0]!.value).toBe('không có tổ chức nào để tính');
    expect(facts[5]!.value).toBe('chưa có đảng viên trong phạm vi');
  });
});

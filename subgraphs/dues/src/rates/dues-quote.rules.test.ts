import { describe, expect, it } from 'vitest';
import { quoteDues, type QuoteInput } from './dues-quote.rules.ts';
import { RATE_CONFIG, type RateConfig } from './rates.config.ts';

const input = (overrides: Partial<QuoteInput>): QuoteInput => ({
  category: 'SOCIAL_INSURANCE_SALARY',
  basis: null,
  wageRegion: null,
  localityClass: null,
  birthDate: null,
  sex: null,
  month: '2026-03',
  ...overrides,
});

const amountOf = (overrides: Partial<QuoteInput>) => {
  const result = quoteDues(input(overrides));
  if (!result.ok) throw new Error(result.userErrors[0]!.code);
  return result.quote.amount;
};

describe('quoteDues: every category either side of each dated boundary', () => {
  it.each([
    // In social insurance: 1% under both regimes.
    ['SOCIAL_INSURANCE_SALARY', '2026-01', { basis: 8_000_000n }, 80_000n],
    ['SOCIAL_INSURANCE_SALARY', '2026-02', { basis: 8_000_000n }, 80_000n],
    ['SOCIAL_INSURANCE_SALARY', '2026-02', { basis: 7_345_678n }, 73_457n],
    ['SOCIAL_INSURANCE_SALARY', '2026-02', { basis: 7_345_649n }, 73_456n],
    // On insurance-paid leave: 0.5% of the benefit before 02/2026, 1% from it.
    ['SOCIAL_INSURANCE_BENEFIT', '2026-01', { basis: 6_000_000n }, 30_000n],
    ['SOCIAL_INSURANCE_BENEFIT', '2026-02', { basis: 6_000_000n }, 60_000n],
    // Pension: 0.5% either side; half a dong rounds up.
    ['PENSION', '2026-01', { basis: 7_200_100n }, 36_001n],
    ['PENSION', '2026-02', { basis: 7_200_100n }, 36_001n],
    ['PENSION', '2026-02', { basis: 7_200_099n }, 36_000n],
    // Students: 3,000 then 5,000.
    ['STUDENT', '2026-01', {}, 3_000n],
    ['STUDENT', '2026-02', {}, 5_000n],
    // Without income, below retirement age: by area before 02/2026; 0.3% of the regional wage to 12/2027, 0.5% from 01/2028.
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-01', { localityClass: 'CENTRAL_CITY_URBAN' }, 10_000n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-01', { localityClass: 'PROVINCIAL_URBAN' }, 8_000n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-01', { localityClass: 'OTHER' }, 6_000n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-01', { localityClass: 'REMOTE' }, 4_000n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-02', { wageRegion: 'REGION_I' }, 15_930n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-02', { wageRegion: 'REGION_II' }, 14_190n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2026-02', { wageRegion: 'REGION_III' }, 12_420n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2027-12', { wageRegion: 'REGION_IV' }, 11_100n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2028-01', { wageRegion: 'REGION_IV' }, 18_500n],
    ['NO_INCOME_BELOW_RETIREMENT_AGE', '2028-01', { wageRegion: 'REGION_I' }, 26_550n],
    // Without income, at or past retirement age: half the area's amount before 02/2026; 0.2% then 0.3% of the regional wage.
    ['NO_INCOME_RETIREMENT_AGE', '2026-01', { localityClass: 'OTHER' }, 3_000n],
    ['NO_INCOME_RETIREMENT_AGE', '2026-02', { wageRegion: 'REGION_I' }, 10_620n],
    ['NO_INCOME_RETIREMENT_AGE', '2027-12', { wageRegion: 'REGION_II' }, 9_460n],
    ['NO_INCOME_RETIREMENT_AGE', '2028-01', { wageRegion: 'REGION_II' }, 14_190n],
    // Abroad, from 02/2026.
    ['ABROAD_ALLOWANCE', '2026-02', { basis: 45_000_000n }, 450_000n],
    ['ABROAD_OTHER', '2026-02', { basis: 30_000n }, 30_000n],
    ['ABROAD_OTHER', '2026-02', { basis: 400_000n }, 400_000n],
  ] as const)('%s in %s with %o owes %s', (category, month, overrides, amount) => {
    expect(amountOf({ category, month, ...overrides })).toBe(amount);
  });

  it('puts a member without income on the side of retirement age the table gives, whatever the category says', () => {
    // A man born 04/1966 reaches 62 in 04/2028: below retirement age that month, past it from 05/2028.
    const man = { category: 'NO_INCOME_RETIREMENT_AGE', birthDate: '1966-04-10', sex: 'MALE', wageRegion: 'REGION_I' } as const;
    const april = quoteDues(input({ ...man, month: '2028-04' }));
    const may = quoteDues(input({ ...man, category: 'NO_INCOME_BELOW_RETIREMENT_AGE', month: '2028-05' }));
    expect(april.ok && april.quote).toMatchObject({ category: 'NO_INCOME_BELOW_RETIREMENT_AGE', amount: 26_550n });
    expect(may.ok && may.quote).toMatchObject({ category: 'NO_INCOME_RETIREMENT_AGE', amount: 15_930n });
  });

  it('says the rule, the figures and the source of the amount', () => {
    const result = quoteDues(input({ category: 'NO_INCOME_BELOW_RETIREMENT_AGE', wageRegion: 'REGION_I', month: '2026-02' }));
    expect(result).toEqual({
      ok: true,
      quote: expect.objectContaining({
        regime: '01-QĐ/TW',
        calculation: '0,3% × 5.310.000 đ (lương tối thiểu vùng I, Nghị định 293/2025/NĐ-CP, từ 01/01/2026) = 15.930 đ',
        source: expect.stringContaining('Quy định 01-QĐ/TW'),
      }),
    });
    const old = quoteDues(input({ category: 'PENSION', basis: 5_000_000n, month: '2026-01' }));
    expect(old.ok && old.quote).toMatchObject({ regime: '342-QĐ/TW', rule: '0,5% lương hưu', calculation: '0,5% × 5.000.000 đ = 25.000 đ' });
  });

  it('keeps amounts exact past what a JavaScript number holds', () => {
    // 2^60 + 74 ends in ...7050: 1% of it ends in ...70.5, which rounds up.
    expect(amountOf({ basis: 2n ** 60n + 74n, month: '2026-02' })).toBe((2n ** 60n + 24n) / 100n + 1n);
  });
});

describe('quoteDues refuses what it cannot reckon, in Vietnamese', () => {
  it.each([
    [{ category: 'PENSION', month: '2026-02' }, 'DUES_BASIS_REQUIRED', 'basis'],
    [{ category: 'PENSION', basis: 0n, month: '2026-02' }, 'DUES_BASIS_REQUIRED', 'basis'],
    [{ category: 'PENSION', basis: -1n, month: '2026-02' }, 'INVALID_DUES_BASIS', 'basis'],
    [{ category: 'NO_INCOME_BELOW_RETIREMENT_AGE', month: '2026-02' }, 'WAGE_REGION_REQUIRED', 'wageRegion'],
    [{ category: 'NO_INCOME_BELOW_RETIREMENT_AGE', month: '2026-01' }, 'LOCALITY_REQUIRED', 'localityClass'],
    [{ category: 'ABROAD_OTHER', basis: 29_999n, month: '2026-02' }, 'AMOUNT_OUT_OF_RANGE', 'basis'],
    [{ category: 'ABROAD_OTHER', basis: 400_001n, month: '2026-02' }, 'AMOUNT_OUT_OF_RANGE', 'basis'],
    // The 2010 abroad rates are not in the configuration; nothing before the 2010 regime took effect.
    [{ category: 'ABROAD_ALLOWANCE', basis: 1_000_000n, month: '2026-01' }, 'NO_RATE', 'month'],
    [{ category: 'SOCIAL_INSURANCE_SALARY', basis: 1_000_000n, month: '2011-03' }, 'NO_RATE', 'month'],
  ] as const)('%o → %s', (overrides, code, field) => {
    const result = quoteDues(input(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.userErrors).toEqual([{ code, field, message: expect.stringMatching(/[àáảãạăâđêôơư]/) }]);
  });
});

describe('quoteDues reads its configuration', () => {
  it('follows a new regional wage row and a rounding row without a change of code', () => {
    const config: RateConfig = {
      ...RATE_CONFIG,
      minimumWages: [
        ...RATE_CONFIG.minimumWages.map((row) => (row.region === 'REGION_I' ? { ...row, until: '2027-01' } : row)),
        { region: 'REGION_I', from: '2027-01', amount: 5_700_000n, source: 'Nghị định mới' },
      ],
      rounding: [{ from: '2011-04', until: '2027-01', unit: 1n }, { from: '2027-01', unit: 1_000n }],
    };
    const region = { category: 'NO_INCOME_BELOW_RETIREMENT_AGE', wageRegion: 'REGION_I' } as const;
    const december = quoteDues(input({ ...region, month: '2026-12' }), config);
    const january = quoteDues(input({ ...region, month: '2027-01' }), config);
    expect(december.ok && december.quote.amount).toBe(15_930n);
    // 0.3% × 5,700,000 = 17,100, rounded to the thousand: 17,000.
    expect(january.ok && january.quote.amount).toBe(17_000n);
  });
});

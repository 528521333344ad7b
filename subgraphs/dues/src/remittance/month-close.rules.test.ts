import { describe, expect, it } from 'vitest';
import { closeErrors, previousMonth, remittanceRow, split } from './month-close.rules.ts';

describe('what each level keeps', () => {
  it.each([
    ['SUBORDINATE_CELL', 50],
    ['GRASSROOTS_CELL', 70],
    ['GRASSROOTS_COMMITTEE', 70],
    ['PROVINCE_SUBORDINATE', 50],
    ['PROVINCIAL', 50],
  ])('a %s keeps %i%% under the 2010 table', (type, keep) => {
    expect(remittanceRow(type, '2026-11')?.keepPercent).toBe(keep);
  });

  it('has no row before the 2010 table applied, and follows a new dated row without a change of code', () => {
    expect(remittanceRow('GRASSROOTS_CELL', '2011-03')).toBeNull();
    const policy = [
      { from: '2011-04', until: '2027-01', orgTypes: ['GRASSROOTS_CELL'], keepPercent: 70, rule: 'cũ' },
      { from: '2027-01', until: null, orgTypes: ['GRASSROOTS_CELL'], keepPercent: 60, rule: 'mới' },
    ];
    expect(remittanceRow('GRASSROOTS_CELL', '2026-12', policy)?.keepPercent).toBe(70);
    expect(remittanceRow('GRASSROOTS_CELL', '2027-01', policy)?.keepPercent).toBe(60);
  });

  it.each([
    [1_000_000n, 70, 700_000n, 300_000n],
    [15n, 70, 11n, 4n],
    [1n, 50, 1n, 0n],
    [0n, 50, 0n, 0n],
    [92_233_720_368_547_757n, 50, 46_116_860_184_273_879n, 46_116_860_184_273_878n],
  ])('splits %s dong at %i%% into %s kept and %s remitted, adding up exactly', (collected, keep, kept, remitted) => {
    expect(split(collected, keep)).toEqual({ kept, remitted });
  });
});

describe('closing a month', () => {
  it('defaults to last month, across the year’s turn', () => {
    expect(previousMonth('2026-12-02')).toBe('2026-11');
    expect(previousMonth('2027-01-31')).toBe('2026-12');
  });

  it('closes only a month that is over', () => {
    expect(closeErrors('2026-11', '2026-12-01')).toEqual([]);
    expect(closeErrors('2026-12', '2026-12-31').map((e) => e.code)).toEqual(['MONTH_NOT_OVER']);
    expect(closeErrors('2027-01', '2026-12-31').map((e) => e.code)).toEqual(['MONTH_NOT_OVER']);
  });
});

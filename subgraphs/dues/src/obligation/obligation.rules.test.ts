import { describe, expect, it } from 'vitest';
import { deferredIn, planObligation, reliefFor, type Payer, type Relief } from './obligation.rules.ts';

const payer: Payer = { memberId: 'm', orgId: 'o', category: 'SOCIAL_INSURANCE_SALARY', basis: 7_345_678n, birthDate: '1980-05-05', sex: 'FEMALE' };
const relief = (overrides: Partial<Relief>): Relief => ({ id: 'r', kind: 'REDUCTION', percent: 50, fromMonth: '2026-03-01', untilMonth: '2026-08-01', ...overrides });

describe('reliefFor', () => {
  it.each([
    ['2026-02-01', null],
    ['2026-03-01', 'r'],
    ['2026-08-01', 'r'],
    ['2026-09-01', null],
  ])('a reduction of 03–08/2026 in %s: %s', (period, id) => {
    expect(reliefFor([relief({})], period)?.id ?? null).toBe(id);
  });

  it('prefers a waiver to a reduction, and of two reductions the later one', () => {
    const reliefs = [relief({ id: 'old' }), relief({ id: 'new', fromMonth: '2026-05-01', percent: 70 }), relief({ id: 'waiver', kind: 'WAIVER', percent: null, fromMonth: '2026-07-01', untilMonth: null })];
    expect(reliefFor(reliefs, '2026-04-01')?.id).toBe('old');
    expect(reliefFor(reliefs, '2026-05-01')?.id).toBe('new');
    expect(reliefFor(reliefs, '2027-07-01')?.id).toBe('waiver');
  });
});

describe('planObligation', () => {
  it('owes the rate table’s amount, with the rule that produced it', () => {
    const planned = planObligation(payer, '2026-02-01', null, []);
    expect(planned).toEqual({
      ok: true,
      obligation: expect.objectContaining({ amount: 73_457n, ratedAmount: 73_457n, status: 'DUE', reliefDecisionId: null, calculation: expect.stringContaining('1% × 7.345.678 đ = 73.457 đ') }),
    });
  });

  it.each([
    [30, 51_420n],
    [50, 36_729n],
    [70, 22_037n],
  ])('takes %i%% off under a reduction and stays due', (percent, amount) => {
    const planned = planObligation(payer, '2026-03-01', null, [relief({ percent })]);
    expect(planned.ok && planned.obligation).toMatchObject({ amount, ratedAmount: 73_457n, status: 'DUE', reliefDecisionId: 'r' });
  });

  it('makes a waived month zero and WAIVED, and the month after the decision ends due again', () => {
    const waiver = relief({ kind: 'WAIVER', percent: null, untilMonth: '2026-04-01' });
    expect(planObligation(payer, '2026-04-01', null, [waiver])).toMatchObject({ ok: true, obligation: { amount: 0n, status: 'WAIVED' } });
    expect(planObligation(payer, '2026-05-01', null, [waiver])).toMatchObject({ ok: true, obligation: { amount: 73_457n, status: 'DUE', reliefDecisionId: null } });
  });

  it('follows the 2010 rates before 02/2026 and the 2028 switch from the member’s record', () => {
    const noIncome: Payer = { ...payer, category: 'NO_INCOME_BELOW_RETIREMENT_AGE', basis: null };
    expect(planObligation({ ...payer, category: 'PENSION' }, '2026-01-01', null, [])).toMatchObject({ ok: true, obligation: { amount: 36_728n } });
    expect(planObligation(noIncome, '2027-12-01', 'REGION_II', [])).toMatchObject({ ok: true, obligation: { amount: 14_190n } });
    expect(planObligation(noIncome, '2028-01-01', 'REGION_II', [])).toMatchObject({ ok: true, obligation: { amount: 23_650n } });
  });

  it('says why it cannot reckon a month', () => {
    expect(planObligation({ ...payer, category: 'NO_INCOME_BELOW_RETIREMENT_AGE' }, '2026-03-01', null, [])).toMatchObject({ ok: false, code: 'WAGE_REGION_REQUIRED' });
    expect(planObligation({ ...payer, basis: null }, '2026-03-01', null, [])).toMatchObject({ ok: false, code: 'DUES_BASIS_REQUIRED' });
  });
});

describe('a voluntary higher amount', () => {
  // 1% of 7.345.678 đ = 73.457 đ.
  const higher = [{ id: 'v1', amount: 100_000n, fromMonth: '2026-05-01' }, { id: 'v2', amount: 150_000n, fromMonth: '2026-09-01' }];
  it.each([
    ['before it takes effect: the rate', '2026-04-01', [], 73_457n],
    ['from its month: the approved amount', '2026-05-01', [], 100_000n],
    ['a later approval replaces it from its own month', '2026-09-01', [], 150_000n],
    ['a reduction wins: half the rate, not of the voluntary amount', '2026-06-01', [relief({})], 36_729n],
    ['a waiver wins: nothing', '2026-06-01', [relief({ kind: 'WAIVER', percent: null })], 0n],
  ] as const)('%s', (_what, period, reliefs, amount) => {
    expect(planObligation(payer, period, null, reliefs, higher)).toMatchObject({ ok: true, obligation: { amount, ratedAmount: 73_457n } });
  });

  it('is not owed once the rate rises above it', () => {
    expect(planObligation({ ...payer, basis: 20_000_000n }, '2026-06-01', null, [], higher)).toMatchObject({ ok: true, obligation: { amount: 200_000n } });
  });
});

describe('deferredIn', () => {
  const exemption = { startsOn: '2026-03-15', endsOn: '2026-06-10' };
  it.each([
    ['2026-03-01', false, 'the month of the resolution that began it'],
    ['2026-04-01', true, 'the first whole month after it'],
    ['2026-05-01', true, 'the month before the return'],
    ['2026-06-01', false, 'the month of the return'],
  ])('%s is deferred: %s (%s)', (period, deferred) => {
    expect(deferredIn([exemption], period)).toBe(deferred);
  });

  it('defers every later month while the exemption lasts, across the year’s end', () => {
    expect(deferredIn([{ startsOn: '2026-12-31', endsOn: null }], '2027-01-01')).toBe(true);
    expect(deferredIn([{ startsOn: '2026-12-31', endsOn: null }], '2026-12-01')).toBe(false);
  });

  it('defers nothing for an exemption begun and ended within a month or in two neighbouring months', () => {
    expect(deferredIn([{ startsOn: '2026-03-02', endsOn: '2026-03-28' }], '2026-03-01')).toBe(false);
    expect(deferredIn([{ startsOn: '2026-03-02', endsOn: '2026-04-28' }], '2026-04-01')).toBe(false);
  });

  it('keeps a waived month waived, and defers a reduced one at its reduced amount', () => {
    const exempt = [{ startsOn: '2026-02-10', endsOn: null }];
    const waiver = { id: 'w', kind: 'WAIVER' as const, percent: null, fromMonth: '2026-03-01', untilMonth: null };
    expect(planObligation(payer, '2026-03-01', null, [waiver], [], exempt)).toMatchObject({ ok: true, obligation: { status: 'WAIVED', amount: 0n } });
    expect(planObligation(payer, '2026-03-01', null, [relief({ percent: 50 })], [], exempt)).toMatchObject({ ok: true, obligation: { status: 'DEFERRED', amount: 36_729n } });
  });
});

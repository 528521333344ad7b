import { describe, expect, it } from 'vitest';
import { adjustmentErrors, MAX_TEXT, splitSigned, submissionErrors, superiorOf } from './remittance.rules.ts';

describe('the superior', () => {
  it.each([
    ['/w/c/', { orgId: 'w', path: '/w/' }],
    ['/p/w/c/', { orgId: 'w', path: '/p/w/' }],
    ['/p/', null],
  ])('of %s is %o', (path, superior) => expect(superiorOf(path)).toEqual(superior));
});

describe('a remittance as submitted', () => {
  const good = { month: '2026-10', transferReference: 'FT1', transferredOn: '2026-11-03' };
  it.each([
    ['a transfer after the month', good, []],
    ['a transfer within the month', { ...good, transferredOn: '2026-10-31' }, []],
    ['a transfer dated tomorrow', { ...good, transferredOn: '2026-12-03' }, ['TRANSFERRED_IN_FUTURE']],
    ['a transfer before the month', { ...good, transferredOn: '2026-09-30' }, ['TRANSFERRED_BEFORE_MONTH']],
    ['no reference', { ...good, transferReference: '  ' }, ['REFERENCE_REQUIRED']],
    ['a reference too long', { ...good, transferReference: 'x'.repeat(MAX_TEXT + 1) }, ['TEXT_TOO_LONG']],
  ])('%s', (_what, input, codes) => expect(submissionErrors(input, '2026-12-02').map((e) => e.code)).toEqual(codes));
});

describe('an adjustment', () => {
  it.each([
    ['a late payment', 'LATE_PAYMENT', 10_000n, 'Thu muộn', []],
    ['a correction downwards', 'CORRECTION', -5_000n, 'Sửa số', []],
    ['zero', 'CORRECTION', 0n, 'Sửa số', ['AMOUNT_ZERO']],
    ['a negative late payment', 'LATE_PAYMENT', -1n, 'Thu muộn', ['LATE_PAYMENT_NEGATIVE']],
    ['a slip of digits', 'CORRECTION', 10_000_000_000_000n, 'Sửa số', ['AMOUNT_OUT_OF_RANGE']],
    ['no reason', 'CORRECTION', 1n, ' ', ['REASON_REQUIRED']],
  ] as const)('%s', (_what, kind, amount, reason, codes) => expect(adjustmentErrors({ kind, amount, reason }).map((e) => e.code)).toEqual(codes));

  it.each([
    [10_000n, 70, 7_000n, 3_000n],
    [-5_000n, 70, -3_500n, -1_500n],
    [-15n, 70, -11n, -4n],
    [15n, 70, 11n, 4n],
  ])('splits %s dong at %i%% into %s kept and %s remitted, a negative one mirroring the positive', (amount, keep, kept, remitted) => {
    expect(splitSigned(amount, keep)).toEqual({ kept, remitted });
  });
});

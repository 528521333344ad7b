import { describe, expect, it } from 'vitest';
import { proposalErrors } from './voluntary-amount.rules.ts';

const good = { amount: 250_000n, fromMonth: '2026-12', request: 'Đơn ngày 01/12/2026' };
const codes = (input: typeof good, rated: bigint | null) => proposalErrors(input, rated, '2026-12-02').map((e) => e.code);

describe('a voluntary amount as proposed', () => {
  it.each([
    ['above the rate, from this month', good, 100_000n, []],
    ['from a later month, the rate not reckonable', { ...good, fromMonth: '2027-03' }, null, []],
    ['equal to the rate', { ...good, amount: 100_000n }, 100_000n, ['NOT_ABOVE_RATE']],
    ['below the rate', { ...good, amount: 50_000n }, 100_000n, ['NOT_ABOVE_RATE']],
    ['nothing', { ...good, amount: 0n }, null, ['NOT_ABOVE_RATE']],
    ['a hundred million and one a month', { ...good, amount: 100_000_001n }, 100_000n, ['AMOUNT_OUT_OF_RANGE']],
    ['from last month', { ...good, fromMonth: '2026-11' }, 100_000n, ['MONTH_PASSED']],
    ['without the member’s request', { ...good, request: '' }, 100_000n, ['REQUEST_REQUIRED']],
  ] as const)('%s', (_what, input, rated, expected) => expect(codes(input, rated)).toEqual(expected));
});

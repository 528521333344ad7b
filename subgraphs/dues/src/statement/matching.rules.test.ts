import { describe, expect, it } from 'vitest';
import { codeCandidates, matchLine, type PaymentToMatch } from './matching.rules.ts';

describe('codeCandidates', () => {
  it.each([
    ['MBVCB.4530998360.029552.NGUYEN VAN A chuyen tien DPK7M2Q9XA DANG PHI', ['DPK7M2Q9XA']],
    ['IBFT DPK7M2Q9XADANGPHI', ['DPK7M2Q9XA']],
    ['CT DEN:123456789012 dpk7m2q9xa dang phi', ['DPK7M2Q9XA']],
    ['DP K7M2-Q9XA.DANG PHI', ['DPK7M2Q9XA']],
    ['ĐPK7M2Q9XA', ['DPK7M2Q9XA']],
    ['DPK7M2Q9X', []],
    ['chuyen tien an trua', []],
    ['DPAAAAAAAA va DPBBBBBBBB', ['DPAAAAAAAA', 'DPBBBBBBBB']],
  ])('finds the codes in %j', (narrative, codes) => expect(codeCandidates(narrative)).toEqual(codes));
});

describe('matchLine', () => {
  const month = (status = 'DUE', amount = 3_000n, closed = false) => ({ status, amount, closed });
  const payment = (months: PaymentToMatch['months'], collectingOrgId = 'cell'): PaymentToMatch => ({ code: 'DPK7M2Q9XA', collectingOrgId, months });
  it.each([
    ['no payment', 6_000n, undefined, 'UNMATCHED', null],
    ['another organization’s code', 6_000n, payment([month(), month()], 'other'), 'OTHER_ORGANIZATION', null],
    ['exactly the months', 6_000n, payment([month(), month('OVERDUE')]), 'MATCHED', 6_000n],
    ['a reduced month at its amount', 1_500n, payment([month('REDUCED', 1_500n)]), 'MATCHED', 1_500n],
    ['less', 5_000n, payment([month(), month()]), 'PARTIAL', 6_000n],
    ['more', 7_000n, payment([month(), month()]), 'OVERPAID', 6_000n],
    ['a month paid already', 6_000n, payment([month('PAID_CASH'), month()]), 'ALREADY_PAID', 6_000n],
    ['a paid month before a closed one', 6_000n, payment([month('PAID_ONLINE'), month('DUE', 3_000n, true)]), 'ALREADY_PAID', 6_000n],
    ['a closed month', 6_000n, payment([month(), month('DUE', 3_000n, true)]), 'MONTH_CLOSED', 6_000n],
  ] as const)('%s', (_, amount, found, outcome, expected) => expect(matchLine('cell', amount, found)).toEqual({ outcome, expected }));
});

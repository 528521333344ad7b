import { GraphQLError, Kind, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, MoneyScalar, YearMonthScalar } from './scalars.ts';

/** The code and message a client gets for `value`, or the parsed value. */
function parsed(scalar: GraphQLScalarType, value: unknown) {
  try {
    return { value: scalar.parseValue(value) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, message: error.message };
  }
}

describe('Money', () => {
  it.each([
    ['53100', 53_100n],
    ['0', 0n],
    ['-53100', -53_100n],
    ['2147483648', 2n ** 31n],
    // 2^53 + 1: no double can hold it, the bigint does.
    ['9007199254740993', 2n ** 53n + 1n],
    ['9223372036854775807', 2n ** 63n - 1n],
    ['-9223372036854775808', -(2n ** 63n)],
  ])('reads "%s" exactly', (input, expected) => {
    expect(parsed(MoneyScalar, input)).toEqual({ value: expected });
  });

  it.each([
    ['a float', '1.5'],
    ['an exponent', '1e6'],
    ['an empty string', ''],
    ['thousands separators', '53.100'],
    ['spaces', ' 53100'],
    ['a plus sign', '+53100'],
    ['leading zeros', '007'],
    ['minus zero', '-0'],
    ['more than PostgreSQL’s bigint holds', '9223372036854775808'],
    ['a JSON number', 53_100],
    ['null', null],
  ])('refuses %s with a Vietnamese BAD_USER_INPUT', (_what, input) => {
    const answer = parsed(MoneyScalar, input);
    expect(answer.code).toBe('BAD_USER_INPUT');
    expect(answer.message).toMatch(/^Số tiền/);
  });

  it('refuses an amount written in the document as a number', () => {
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.INT, value: '53100' })).toThrow(/Số tiền/);
    expect(MoneyScalar.parseLiteral({ kind: Kind.STRING, value: '53100' })).toBe(53_100n);
  });

  it.each([
    [53_100n, '53100'],
    [2n ** 53n + 1n, '9007199254740993'],
    [53_100, '53100'],
    [-0, '0'],
    // PostgreSQL's bigint as postgres.js hands it over.
    ['3000000000', '3000000000'],
    ['-00053100', '-53100'],
  ])('writes %s as "%s"', (value, expected) => {
    expect(MoneyScalar.serialize(value)).toBe(expected);
  });

  it.each([1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '1e6', '', '53.100', 2n ** 63n, null])(
    'will not write %s, which only a bug would produce',
    (value) => {
      expect(() => MoneyScalar.serialize(value)).toThrow(TypeError);
    },
  );
});

describe('Date', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('reads %s', (day) => {
    expect(parsed(DateScalar, day)).toEqual({ value: day });
  });

  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-2-3', '2026-02-03T00:00:00Z', ''])('refuses %s', (day) => {
    expect(parsed(DateScalar, day)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Ngày/) });
  });

  it('will not write an impossible day', () => {
    expect(DateScalar.serialize('2026-02-28')).toBe('2026-02-28');
    expect(() => DateScalar.serialize('2026-02-30')).toThrow(TypeError);
  });
});

describe('DateTime', () => {
  it.each([
    ['2026-09-02T08:00:00+07:00', '2026-09-02T01:00:00.000Z'],
    ['2026-09-02T01:00:00Z', '2026-09-02T01:00:00.000Z'],
    ['2026-09-02T01:00:00.5Z', '2026-09-02T01:00:00.500Z'],
    ['2026-09-01T20:00:00-05:00', '2026-09-02T01:00:00.000Z'],
  ])('reads %s as the instant %s', (input, instant) => {
    expect((parsed(DateTimeScalar, input).value as Date).toISOString()).toBe(instant);
  });

  it.each([
    ['no offset', '2026-09-02T08:00:00'],
    ['a day only', '2026-09-02'],
    ['no seconds', '2026-09-02T08:00+07:00'],
    ['24:00', '2026-09-02T24:00:00Z'],
    ['an impossible day', '2026-02-30T08:00:00Z'],
    ['a space for T', '2026-09-02 08:00:00Z'],
    ['a number', 1_788_310_800_000],
  ])('refuses %s', (_what, input) => {
    expect(parsed(DateTimeScalar, input)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Thời điểm/) });
  });

  it.each([
    [new Date('2026-09-02T01:00:00Z'), '2026-09-02T08:00:00.000+07:00'],
    // Already the next day in Vietnam.
    ['2026-12-31T17:30:00Z', '2027-01-01T00:30:00.000+07:00'],
    ['2026-09-02T08:00:00+07:00', '2026-09-02T08:00:00.000+07:00'],
  ])('writes %s in Vietnam’s offset', (value, expected) => {
    expect(DateTimeScalar.serialize(value)).toBe(expected);
  });

  it.each([new Date(Number.NaN), '2026-09-02T08:00:00', 1_788_310_800_000])('will not write %s', (value) => {
    expect(() => DateTimeScalar.serialize(value)).toThrow(TypeError);
  });
});

describe('YearMonth', () => {
  it('reads and writes YYYY-MM', () => {
    expect(parsed(YearMonthScalar, '2026-02')).toEqual({ value: '2026-02' });
    expect(YearMonthScalar.serialize('2026-12')).toBe('2026-12');
  });

  it.each(['2026-13', '2026-00', '2026-2', '2026-02-01', ''])('refuses %s', (input) => {
    expect(parsed(YearMonthScalar, input)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Tháng/) });
  });
});

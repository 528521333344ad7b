import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, MoneyScalar, YearMonthScalar } from './scalars.ts';

/**
 * Property tests over the scalars every mutation's input goes through (docs/reliability.md#bad-input-at-scale):
 * whatever a client sends, a scalar either reads it as exactly what was written or refuses it as
 * BAD_USER_INPUT in Vietnamese; it never throws anything else, which would be a 500.
 */
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; drop table dues.receipts; --",
    '<script>alert(1)</script>',
    '\u0000\u0007\u001b[31m',
    'Nguy\u1ec5n',
    'Nguye\u0302\u0303n',
    '٣٤٥',
    '１２３',
    ' 123',
    '123 ',
    '+5',
    '-0',
    '1e3',
    '0x10',
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
  ),
  fc.string({ maxLength: 10 }).map((s) => s.repeat(10_000)),
);
const anyValue = fc.oneof(hostile, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.object());

function outcome(parse: () => unknown): { ok: unknown } | { refused: string } {
  try {
    return { ok: parse() };
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((error as GraphQLError).message).toMatch(/[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i);
    return { refused: (error as GraphQLError).message };
  }
}

describe('Money', () => {
  it('reads a value as exactly the whole dong written, or refuses it in Vietnamese', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = outcome(() => MoneyScalar.parseValue(value));
        if ('ok' in result) expect((result.ok as bigint).toString()).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('takes every amount PostgreSQL’s bigint holds and refuses one past either end', () => {
    const max = 2n ** 63n - 1n;
    fc.assert(
      fc.property(fc.bigInt({ min: -max - 1n, max }), (amount) => {
        expect(MoneyScalar.parseValue(amount.toString())).toBe(amount);
      }),
    );
    for (const past of [max + 1n, -max - 2n, 10n ** 30n]) expect(outcome(() => MoneyScalar.parseValue(past.toString()))).toHaveProperty('refused');
  });
});

describe('Date', () => {
  it('reads only days that exist, written YYYY-MM-DD, and refuses the rest in Vietnamese', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = outcome(() => DateScalar.parseValue(value));
        if ('ok' in result) {
          expect(result.ok).toBe(value);
          expect(new Date(`${String(value)}T00:00:00Z`).toISOString().slice(0, 10)).toBe(value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes every real day and refuses a day past its month’s end', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (day) => {
        const text = day.toISOString().slice(0, 10);
        expect(DateScalar.parseValue(text)).toBe(text);
        const [year, month] = text.split('-').map(Number) as [number, number];
        const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(outcome(() => DateScalar.parseValue(`${text.slice(0, 8)}${String(daysInMonth + 1).padStart(2, '0')}`))).toHaveProperty('refused');
      }),
    );
  });
});

describe('YearMonth', () => {
  it('reads YYYY-MM with a month 01 to 12, and refuses the rest in Vietnamese', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const result = outcome(() => YearMonthScalar.parseValue(value));
        if ('ok' in result) expect(String(value)).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      }),
      { numRuns: 500 },
    );
  });
});

import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDay, VIETNAM_OFFSET_MS } from './calendar/days.ts';

/**
 * The kit's scalars (docs/rules/money.md for Money). Input a client sends and the subgraph cannot read is a
 * BAD_USER_INPUT error in Vietnamese; a value our own code cannot serialize is a bug, thrown as a TypeError
 * and masked as INTERNAL.
 */

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Input arrives as a variable (`parseValue`) or written in the document (`parseLiteral`): both as strings. */
function stringScalar<T>(config: { name: string; description: string; parse: (value: string) => T; serialize: (value: unknown) => string; refusal: string }) {
  const parse = (value: unknown): T => {
    if (typeof value !== 'string') throw badInput(config.refusal);
    return config.parse(value);
  };
  return new GraphQLScalarType<T, string>({
    name: config.name,
    description: config.description,
    serialize: config.serialize,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

// Money ----------------------------------------------------------------------------------------------------

/** PostgreSQL's bigint, where amounts are kept. */
const MAX_MONEY = 2n ** 63n - 1n;
const MIN_MONEY = -(2n ** 63n);
/** What a client may send: no '+', no leading zeros, no '-0', so each amount has one spelling. */
const CANONICAL_DONG = /^(0|-?[1-9]\d*)$/;
const MONEY_REFUSAL =
  'Số tiền phải là số đồng nguyên viết bằng chữ số trong một chuỗi, ví dụ "53100" hoặc "-53100": không có phần thập phân, dấu chấm, dấu cách hay số 0 ở đầu.';

const withinBigint = (amount: bigint) => amount >= MIN_MONEY && amount <= MAX_MONEY;

function parseMoney(value: string): bigint {
  if (!CANONICAL_DONG.test(value)) throw badInput(MONEY_REFUSAL);
  const amount = BigInt(value);
  if (!withinBigint(amount)) throw badInput('Số tiền vượt quá giới hạn có thể lưu trữ.');
  return amount;
}

/** From our own code: a bigint, a safe integer, or the digit string PostgreSQL's bigint arrives as. */
function serializeMoney(value: unknown): string {
  let amount: bigint | null = null;
  if (typeof value === 'bigint') amount = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value);
  else if (typeof value === 'string' && /^-?\d+$/.test(value)) amount = BigInt(value);
  if (amount === null || !withinBigint(amount)) throw new TypeError(`Money cannot represent ${String(value)}`);
  return amount.toString();
}

export const MoneyScalar = stringScalar<bigint>({
  name: 'Money',
  description:
    'An amount of Vietnamese dong (VND has no minor unit), as a string of decimal digits with an optional leading "-": "53100". Never a number, so that no client rounds it through a float.',
  parse: parseMoney,
  serialize: serializeMoney,
  refusal: MONEY_REFUSAL,
});

// Date -----------------------------------------------------------------------------------------------------

const DATE_REFUSAL = 'Ngày phải có dạng YYYY-MM-DD và là một ngày có thật (ví dụ 2026-02-28).';

function parseDay(value: string): string {
  if (!isCalendarDay(value)) throw badInput(DATE_REFUSAL);
  return value;
}

/** A calendar day as YYYY-MM-DD, the way PostgreSQL `date` columns arrive through postgres.js. */
export const DateScalar = stringScalar<string>({
  name: 'Date',
  description: 'A calendar day, as YYYY-MM-DD.',
  parse: parseDay,
  serialize: (value) => {
    if (typeof value !== 'string' || !isCalendarDay(value)) throw new TypeError(`Date cannot represent ${String(value)}`);
    return value;
  },
  refusal: DATE_REFUSAL,
});

// DateTime -------------------------------------------------------------------------------------------------

/** RFC 3339: seconds required, an explicit offset or Z; no 24:00, no leap second. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
const DATE_TIME_REFUSAL = 'Thời điểm phải theo ISO 8601 và ghi rõ múi giờ, ví dụ 2026-09-02T08:00:00+07:00 hoặc 2026-09-02T01:00:00Z.';

function parseInstant(value: string): Date | null {
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDay(match[1]!)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function serializeInstant(value: unknown): string {
  const instant = value instanceof Date ? value : typeof value === 'string' ? parseInstant(value) : null;
  const shifted = instant && !Number.isNaN(instant.getTime()) ? new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString() : '';
  if (!/^\d{4}-/.test(shifted)) throw new TypeError(`DateTime cannot represent ${String(value)}`);
  return `${shifted.slice(0, -1)}+07:00`;
}

export const DateTimeScalar = stringScalar<Date>({
  name: 'DateTime',
  description:
    'An instant, as ISO 8601 with its offset. Answers are written in Vietnam\'s time, e.g. "2026-09-02T08:00:00.000+07:00"; inputs must carry an offset or Z.',
  parse: (value) => {
    const instant = parseInstant(value);
    if (!instant) throw badInput(DATE_TIME_REFUSAL);
    return instant;
  },
  serialize: serializeInstant,
  refusal: DATE_TIME_REFUSAL,
});

// YearMonth ------------------------------------------------------------------------------------------------

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR_MONTH_REFUSAL = 'Tháng phải có dạng YYYY-MM, ví dụ 2026-02.';

export const YearMonthScalar = stringScalar<string>({
  name: 'YearMonth',
  description: 'A calendar month, as YYYY-MM (a dues period).',
  parse: (value) => {
    if (!YEAR_MONTH.test(value)) throw badInput(YEAR_MONTH_REFUSAL);
    return value;
  },
  serialize: (value) => {
    if (typeof value !== 'string' || !YEAR_MONTH.test(value)) throw new TypeError(`YearMonth cannot represent ${String(value)}`);
    return value;
  },
  refusal: YEAR_MONTH_REFUSAL,
});

import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import fc from 'fast-check';

/**
 * Random and hostile values for any input of the composed schema (docs/reliability.md#bad-input-at-scale):
 * read off the schema's own types, so that a mutation added tomorrow is driven too. Values are mostly of the
 * declared type (to get past GraphQL's own checks into the resolvers) and sometimes of another JSON type.
 */

/** Vietnamese names typed composed (NFC) and decomposed (NFD): the same name, different code points. */
export const NFD_NAME = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');

const hostileStrings = fc.constantFrom(
  "' or 1=1 --",
  "x'); drop table members.members; --",
  '"; select pg_sleep(5); --',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '{@html "<b>x</b>"}',
  '${7*7}{{7*7}}',
  '=HYPERLINK("http://x","y")',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\r\n\t\u0007\u001b[31m',
  '\uFEFF',
  '\uD800',
  NFD_NAME,
  NFD_NAME.normalize('NFC'),
  '',
  ' ',
  '../../etc/passwd',
  '%00',
  '0',
  '-1',
  'null',
  'undefined',
  'NaN',
  '1e309',
);

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: hostileStrings },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }).map((s) => s.repeat(12_000)) },
);

/** Numbers at and past the ends of GraphQL's Int, of a bigint, and of JavaScript's safe integers. */
const boundaryInts = fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e21, 0.5, -0);
const moneyValues = fc.oneof(
  fc.constantFrom('0', '1', '-1', '3000', '9223372036854775807', '9223372036854775808', '-9223372036854775809', '1e3', '1.5', ' 3000', '３０００', '0x10', ''),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
  boundaryInts,
);
/** Days that exist, days that do not (30 February, month 13), and strings that only look like days. */
const dates = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-29', '2024-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', '2026-1-1', '01/02/2026', '2026-02-28T00:00:00Z'),
);
const months = fc.oneof(
  fc.tuple(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 })).map(([year, month]) => `${year}-${String(month).padStart(2, '0')}`),
  fc.constantFrom('2026-13', '2026-00', '2026-1', '0000-00', '-2026-01', '2026-01-01'),
);
const dateTimes = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-02-30T10:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01', 'now'),
);
/** Another JSON type than the one declared: GraphQL's coercion must refuse it, never a resolver choke on it. */
const wrongJson = fc.oneof(fc.boolean(), fc.double(), fc.constant({}), fc.constant([]), fc.constant({ $gt: '' }), hostileText);

/** `ids` is read when values are drawn, so that it may be filled after the arbitraries are made. */
function scalar(name: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 3, arbitrary: fc.nat().map((i) => ids[i % ids.length] ?? '') }, { weight: 1, arbitrary: fc.uuid() }, { weight: 2, arbitrary: hostileText });
    case 'String':
      return hostileText;
    case 'Int':
      return fc.oneof(boundaryInts, fc.integer());
    case 'Float':
      return fc.oneof(boundaryInts, fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'Boolean':
      return fc.boolean();
    case 'Money':
      return moneyValues;
    case 'Date':
      return dates;
    case 'YearMonth':
      return months;
    case 'DateTime':
      return dateTimes;
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value for `type`: nullable inputs are sometimes null or left out, and any is sometimes of another JSON type. */
export function inputValue(type: GraphQLInputType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const required = isNonNullType(type);
  const inner = required ? type.ofType : type;
  let value: fc.Arbitrary<unknown>;
  if (isListType(inner)) value = fc.array(inputValue(inner.ofType, ids, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
  else if (isEnumType(inner)) value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...inner.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: hostileText });
  else if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields());
    value = fc.record(
      Object.fromEntries(fields.map((field) => [field.name, inputValue(field.type, ids, depth + 1)])),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
  } else if (isScalarType(inner)) value = scalar(inner.name, ids);
  else throw new Error(`not an input type: ${String(inner)}`);
  const typed = fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: wrongJson });
  return required ? typed : fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: fc.constant(null) });
}

/**
 * The operation that calls `field` with one variable per argument, asking for what says whether it was
 * refused: the payload's `userErrors` where it has them.
 */
export function mutationOperation(field: GraphQLField<unknown, unknown>): { query: string; hasUserErrors: boolean } {
  const declared = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const payload = getNamedType(field.type);
  const hasUserErrors = isObjectType(payload) && 'userErrors' in payload.getFields();
  const selection = !isObjectType(payload) ? '' : hasUserErrors ? ' { __typename userErrors { code field message } }' : ' { __typename }';
  const query = `mutation${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, hasUserErrors };
}

/** Every mutation of the schema with an arbitrary of its variables. */
export function mutationsOf(schema: GraphQLSchema, ids: readonly string[]) {
  return Object.values(schema.getMutationType()!.getFields()).map((field) => ({
    name: field.name,
    ...mutationOperation(field),
    variables: fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, inputValue(arg.type, ids)]))),
  }));
}

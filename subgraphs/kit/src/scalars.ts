import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const CALENDAR_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !CALENDAR_DAY.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('Ngày phải có dạng YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A calendar day as YYYY-MM-DD, the way PostgreSQL `date` columns arrive through postgres.js. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, as YYYY-MM-DD.',
  serialize: (value) => parseDay(value),
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

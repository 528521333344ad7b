import { createDb, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { sql, type SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../src/errors.ts';
import { isMalformedDatabaseInput, MALFORMED_INPUT_MESSAGE } from '../src/malformed-database-input.ts';

/** An input that reached SQL unchecked is refused as the client's input, not as our fault (malformed-database-input.ts). */
let database: TestDatabase;
let db: DbHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 1 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

/** The error a resolver would see, as GraphQL hands it to formatError: drizzle's, wrapping the driver's. */
async function failure(statement: SQL): Promise<GraphQLError> {
  const error = await db.db.execute(statement).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return new GraphQLError('x', { originalError: error as Error, path: ['someMutation'] });
}

describe('malformed input that reached the database', () => {
  it.each([
    ['text that is no uuid', sql`select ${"' or 1=1 --"}::uuid`],
    ['a day that does not exist', sql`select ${'2026-02-30'}::date`],
    ['a number past its type', sql`select ${'99999999999'}::int`],
    ['text too long for its column', sql.raw(`create temp table short_text (s varchar(3)); insert into short_text values ('abcdef')`)],
    ['text holding NUL', sql`select ${'a\u0000b'}::text`],
  ])('%s is BAD_USER_INPUT in Vietnamese, at its path', async (_name, statement) => {
    const error = await failure(statement);
    expect(isMalformedDatabaseInput(error)).toBe(true);
    expect(formatError({ message: 'x', path: ['someMutation'] }, error)).toEqual({ message: MALFORMED_INPUT_MESSAGE, extensions: { code: 'BAD_USER_INPUT' }, path: ['someMutation'] });
  });

  it('leaves other database errors masked as INTERNAL: a broken constraint, a missing table', async () => {
    for (const statement of [sql`select 1 / 0`, sql`select * from no_such_table`, sql.raw('create temp table twice (id int primary key); insert into twice values (1), (1)')]) {
      const error = await failure(statement);
      expect(isMalformedDatabaseInput(error)).toBe(false);
      expect(formatError({ message: 'x' }, error).extensions?.code).toBe('INTERNAL');
    }
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../src/client.ts';
import { organizations } from '../src/schema/organization.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let database: TestDatabase;
let handle: DbHandle;

/** The statements prepared on the handle's one connection, by their text. */
async function prepared(): Promise<string[]> {
  const rows = await handle.sql<{ statement: string }[]>`select statement from pg_prepared_statements`;
  return rows.map((row) => row.statement);
}

const organizationById = (id: string) => handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: prepared statements belong to the connection that prepared them.
  handle = createDb(database.url, { max: 1 });
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

describe('statements sent through drizzle', () => {
  it('are prepared once per connection and reused, not parsed again on every call', async () => {
    const before = await prepared();
    for (const id of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']) await organizationById(id);
    const after = (await prepared()).filter((statement) => !before.includes(statement));
    expect(after.filter((statement) => statement.includes('from "organization"."organizations"'))).toHaveLength(1);
  });

  it('are prepared inside a transaction too', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 41 + ${1} as answer`);
      await tx.execute(sql`select 41 + ${1} as answer`);
    });
    expect((await prepared()).filter((statement) => statement.includes('select 41 +'))).toHaveLength(1);
  });

  it('still answer with their rows and roll back a failed transaction', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(organizations).values({ code: 'T', name: 'Thử', type: 'PROVINCIAL', path: '/t/' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await handle.db.select().from(organizations).where(eq(organizations.code, 'T'))).toEqual([]);
  });
});

import type { DbHandle } from '@dangvu/drizzle';

/** The platform's own schemas: every table in them is compared. */
const SCHEMAS = ['organization', 'members', 'dues', 'transfers', 'audit', 'outbox', 'idempotency', 'jobs'];

export type DatabaseState = Record<string, string>;

/** Each table's rows, as one hash per table: two states are equal when no row was added, removed or changed. */
export async function databaseState(db: DbHandle, skip: ReadonlySet<string> = new Set()): Promise<DatabaseState> {
  const tables = (await db.sql`
    select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ${db.sql(SCHEMAS)} order by 1`).map((row) => row.name as string).filter((name) => !skip.has(name));
  const parts = tables.map((name) => `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${name} t`);
  const rows = await db.sql.unsafe(parts.join(' union all '));
  return Object.fromEntries(rows.map((row) => [row.name as string, row.hash as string]));
}

/** The tables that changed from `before` to `after`. */
export const changedTables = (before: DatabaseState, after: DatabaseState) =>
  Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);

/** Waits until the outbox's consumers have applied what the last write published: two equal states 150 ms apart. */
export async function settledState(db: DbHandle, skip?: ReadonlySet<string>): Promise<DatabaseState> {
  let state = await databaseState(db, skip);
  for (let i = 0; i < 40; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = await databaseState(db, skip);
    if (changedTables(state, next).length === 0) return next;
    state = next;
  }
  throw new Error('the database did not settle within 6 s');
}

/** Text stored in a form other than NFC, per table and column (docs/rules/data-quality.md#names-in-one-unicode-form). */
export async function textNotInNfc(db: DbHandle): Promise<{ table: string; column: string; value: string }[]> {
  const columns = await db.sql`
    select c.table_schema || '.' || c.table_name as table, c.column_name as column from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema in ${db.sql(SCHEMAS)} and c.data_type in ('text', 'character varying')`;
  if (columns.length === 0) return [];
  const parts = columns.map(
    ({ table, column }) => `select '${table}' as table, '${column}' as column, "${column}" as value from ${table} where "${column}" is not nfc normalized`,
  );
  return (await db.sql.unsafe(`${parts.join(' union all ')} limit 20`)) as unknown as { table: string; column: string; value: string }[];
}

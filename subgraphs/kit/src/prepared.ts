import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column = any($n)` over one array parameter, for the batch reads drizzle builds once (`.prepare(…)` with
 * placeholders) instead of on every request: unlike `in ($1, …)`, one text serves any number of keys, so
 * postgres.js prepares it once per connection, and no parameter is built per key (docs/benchmarks.md, fifth pass).
 */
export const isAnyOf = (column: AnyColumn, placeholder: string): SQL => sql`${column} = any(${sql.placeholder(placeholder)})`;

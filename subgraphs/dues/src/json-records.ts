import { sql } from 'drizzle-orm';

/**
 * Many rows as one parameter, a JSON array that `jsonb_to_recordset` turns back into rows: a statement of 10,000
 * lines or a batch of a month's obligations is then one statement with one parameter, whatever its length, and
 * drizzle builds no fragment per value (docs/benchmarks.md).
 */
export const jsonRecords = (rows: readonly Record<string, unknown>[]) => sql`${JSON.stringify(rows)}::jsonb`;

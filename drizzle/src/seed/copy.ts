import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';

type Cell = string | number | boolean | null;

/** One value in COPY's text format: backslash escapes, and \N for null. */
function copyValue(value: Cell): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/**
 * Bulk-loads rows with COPY … FROM STDIN: one statement for the whole set instead of a statement per row.
 * `table` and `columns` come from this code, never from input.
 */
export async function copyRows(sql: postgres.Sql | postgres.TransactionSql, table: string, columns: readonly string[], rows: Iterable<readonly Cell[]>) {
  const writable = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
  const lines = Readable.from(
    (function* () {
      for (const row of rows) yield `${row.map(copyValue).join('\t')}\n`;
    })(),
  );
  await pipeline(lines, writable);
}

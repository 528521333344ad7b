import { SCHEMA_NAMES } from '@dangvu/drizzle';
import type { ChainHead } from '@dangvu/subgraph-kit';
import type postgres from 'postgres';

/** What a backup held, counted when it was taken, and what a restore must find again. */
export interface Census {
  /** Rows per table, `schema.table`, over the platform's schemas and the migrations' own. */
  tables: Record<string, number>;
  /** Each audit chain's length and last hash, as `npm run audit:verify` finds them. */
  auditHeads: ChainHead[];
}

const SCHEMAS = [...SCHEMA_NAMES, 'drizzle'];

/**
 * Counts every table of the platform's schemas and reads each audit chain's head. Run inside the snapshot (or
 * behind the locks) the backup is taken from, so that the census is of exactly what the backup holds.
 */
export async function takeCensus(sql: postgres.Sql | postgres.TransactionSql): Promise<Census> {
  const names = await sql<{ name: string }[]>`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
    where schemaname = any(${SCHEMAS}) order by schemaname, tablename`;
  const tables: Record<string, number> = {};
  for (const { name } of names) {
    const [row] = await sql.unsafe<{ count: string }[]>(`select count(*)::text as count from ${name}`);
    tables[name] = Number(row!.count);
  }
  const heads = await sql<{ chain: string; count: string; hash: string }[]>`
    select chain, count(*)::text as count, (array_agg(hash order by id desc))[1] as hash
    from audit.entries group by chain`;
  const auditHeads = heads
    .map(({ chain, count, hash }) => ({ chain, count: Number(count), hash }))
    .sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
  return { tables, auditHeads };
}

/** Every way `found` differs from `expected`, one line each; none when the restore holds what was backed up. */
export function censusDifferences(expected: Census, found: Census): string[] {
  const differences: string[] = [];
  for (const table of new Set([...Object.keys(expected.tables), ...Object.keys(found.tables)])) {
    const [before, after] = [expected.tables[table], found.tables[table]];
    if (before !== after) differences.push(`bảng / table ${table}: ${before ?? 'không có / absent'} → ${after ?? 'không có / absent'}`);
  }
  const heads = new Map(found.auditHeads.map((head) => [head.chain, head]));
  for (const head of expected.auditHeads) {
    const after = heads.get(head.chain);
    if (!after) differences.push(`chuỗi nhật ký / audit chain ${head.chain}: mất / missing`);
    else if (after.count !== head.count || after.hash !== head.hash) {
      differences.push(`chuỗi nhật ký / audit chain ${head.chain}: ${head.count} mục ${head.hash.slice(0, 12)} → ${after.count} mục ${after.hash.slice(0, 12)}`);
    }
    heads.delete(head.chain);
  }
  for (const chain of heads.keys()) differences.push(`chuỗi nhật ký / audit chain ${chain}: thừa / not in the backup`);
  return differences;
}

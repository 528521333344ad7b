import { sql, type SQL } from 'drizzle-orm';
import type { FiguresSource } from './reports.ts';
import type { Executor } from './store.ts';

/** A subgraph's `monthly_figures` table (docs/decisions/0007-where-reports-live.md): its count and money columns. */
export interface FiguresTableSpec {
  /** `<schema>.monthly_figures` */
  table: string;
  counts: readonly string[];
  /** Whole dong, as bigint. */
  money?: readonly string[];
  definition: number;
}

/** How `ranked` orders a level of the tree: by the share of two count columns, over frozen rows or live totals. */
export interface RankOptions {
  frozen: boolean;
  numerator: string;
  denominator: string;
  limit: number;
  now: Date;
  childrenOf: (path: string) => SQL;
}

/** The statement of a month's figures per organization group (`org_path` plus the columns), for some subtrees or (null) all. */
export type GroupsOf = (month: string, paths: readonly string[] | null, now: Date) => SQL;

const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
const list = (values: readonly string[], cast = '') => sql.join(values.map((value) => sql`${value}${sql.raw(cast)}`), sql`, `);
const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** `column like 'path%' or …`: one prefix each, so that an index on the path serves a subtree; `true` for all. */
export function underPaths(column: SQL, paths: readonly string[] | null): SQL {
  if (paths === null) return sql`true`;
  return sql`(${sql.join(
    paths.map((path) => sql`${column} like ${`${path}%`}`),
    sql` or `,
  )})`;
}

/**
 * Reads and freezes one subgraph's monthly figures. `groupsOf` gives the month's figures per organization
 * that holds something; each group is then added to its organization and to every one above it (the ids of
 * its path), so a subtree's totals cost a few set-based passes whatever the tree's size, and the live month
 * and the freeze run the same statement.
 */
export function figuresTable<Row extends { orgPath: string }>(db: Executor, spec: FiguresTableSpec, groupsOf: GroupsOf) {
  const money = spec.money ?? [];
  const columns = [...spec.counts, ...money];
  const totals = (month: string, paths: readonly string[] | null, now: Date, only?: SQL) => sql`
    select x.id as org_id,
           substr(g.org_path, 1, strpos(g.org_path, '/' || x.id || '/') + length(x.id) + 1) as org_path,
           ${sql.raw(columns.map((column) => `sum(g.${column})::${money.includes(column) ? 'bigint' : 'int'} as ${column}`).join(', '))}
    from (${groupsOf(month, paths, now)}) g
    cross join lateral unnest(string_to_array(trim(both '/' from g.org_path), '/')) as x(id)
    where ${only ?? (paths === null ? sql`true` : sql`x.id in (${list(paths.map(idOf))})`)}
    group by x.id, 2`;
  const toRow = (raw: Record<string, unknown>) => {
    const row: Record<string, unknown> = { orgPath: raw.org_path };
    for (const column of spec.counts) row[camel(column)] = Number(raw[column] ?? 0);
    for (const column of money) row[camel(column)] = BigInt(String(raw[column] ?? 0));
    return row as Row;
  };
  const table = sql.raw(spec.table);
  /** The organizations one level under `path`: its path and one id more (ids hold no slash). */
  const childPath = (column: SQL, path: string) => sql`${column} like ${`${path}%/`} and ${column} not like ${`${path}%/%/`}`;

  return {
    async live(month, paths, now) {
      if (paths.length === 0) return [];
      return [...(await db.execute<Record<string, unknown>>(totals(month, paths, now)))].map(toRow);
    },
    async frozenMonths(months) {
      if (months.length === 0) return new Set();
      const rows = await db.execute<{ month: string }>(sql`select distinct month from ${table} where month in (${list(months)})`);
      return new Set([...rows].map((row) => row.month));
    },
    async frozen(month, paths) {
      if (paths.length === 0) return [];
      const rows = await db.execute<Record<string, unknown>>(sql`select * from ${table} where month = ${month} and org_id in (${list(paths.map(idOf), '::uuid')})`);
      return [...rows].map((raw) => ({ ...toRow(raw), definition: Number(raw.definition), frozenAt: new Date(String(raw.frozen_at)) }));
    },
    /**
     * The organizations directly under `path`, lowest share `numerator / denominator` first (more of the
     * denominator first among equals), those with nothing in the denominator left out, at most `limit`: ranked
     * in SQL (docs/rules/reports.md#lagging-units). A frozen month ranks its frozen rows, whose paths are the
     * tree at the freeze; a live month ranks the live totals of the organizations `childrenOf(path)` selects
     * (one `id` column) from the subgraph's own copy of today's tree.
     */
    async ranked(
      month: string,
      path: string,
      options: RankOptions,
    ): Promise<(Row & { frozenAt?: Date; definition?: number })[]> {
      const [numerator, denominator] = [sql.raw(`r.${options.numerator}`), sql.raw(`r.${options.denominator}`)];
      const source = options.frozen
        ? sql`select * from ${table} where month = ${month} and ${childPath(sql`org_path`, path)}`
        : totals(month, [path], options.now, sql`x.id in (select c.id::text from (${options.childrenOf(path)}) c)`);
      const rows = await db.execute<Record<string, unknown>>(sql`
        select * from (${source}) r
        where ${denominator} > 0
        order by ${numerator}::float8 / ${denominator}, ${denominator} desc, r.org_id
        limit ${options.limit}`);
      return [...rows].map((raw) =>
        options.frozen ? { ...toRow(raw), definition: Number(raw.definition), frozenAt: new Date(String(raw.frozen_at)) } : toRow(raw),
      );
    },
    /** Freezes every organization's row for the month; a row already frozen stays as it was. Returns the rows written. */
    async freeze(month: string, now: Date): Promise<number> {
      const rows = await db.execute(sql`
        insert into ${table} (month, org_id, org_path, definition, frozen_at, ${sql.raw(columns.join(', '))})
        select ${month}, f.org_id::uuid, f.org_path, ${spec.definition}, ${now.toISOString()}::timestamptz, ${sql.raw(columns.map((column) => `f.${column}`).join(', '))}
        from (${totals(month, null, now)}) f
        on conflict (month, org_id) do nothing
        returning 1`);
      return [...rows].length;
    },
  } satisfies FiguresSource<Row> & {
    freeze(month: string, now: Date): Promise<number>;
    ranked(month: string, path: string, options: RankOptions): Promise<(Row & { frozenAt?: Date; definition?: number })[]>;
  };
}

import { and, asc, eq, gt, inArray, isNull, like, notInArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';

const { registerImports, registerImportRows, members } = tables;

export type StoredImport = typeof registerImports.$inferSelect;
export type StoredImportRow = typeof registerImportRows.$inferSelect;
export type ImportRowKind = StoredImportRow['kind'];
export type NewImportRow = typeof registerImportRows.$inferInsert;

/** What analysing one row decided. */
export interface RowOutcome {
  rowNumber: number;
  kind: ImportRowKind;
  memberId: string | null;
  changes: unknown[];
  errors: unknown[];
}

const TERMINAL = ['REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT'] as const;
const INSERT_BATCH = 1_000;

/** Register imports and their rows, and the register reads and writes that analysing and applying them need. */
export function registerImportRepository(executor: Executor) {
  return {
    async create(row: typeof registerImports.$inferInsert): Promise<StoredImport> {
      const [created] = await executor.insert(registerImports).values(row).returning();
      return created!;
    },
    async insertRows(rows: NewImportRow[]): Promise<void> {
      for (let at = 0; at < rows.length; at += INSERT_BATCH) await executor.insert(registerImportRows).values(rows.slice(at, at + INSERT_BATCH));
    },
    async byId(id: string): Promise<StoredImport | null> {
      const [row] = await executor.select().from(registerImports).where(eq(registerImports.id, id));
      return row ?? null;
    },
    async byIdForUpdate(id: string): Promise<StoredImport | null> {
      const [row] = await executor.select().from(registerImports).where(eq(registerImports.id, id)).for('update');
      return row ?? null;
    },
    /** Rows not yet analysed, in file order, after `afterRow`. */
    pending(importId: string, afterRow: number, limit: number): Promise<StoredImportRow[]> {
      return executor
        .select()
        .from(registerImportRows)
        .where(and(eq(registerImportRows.importId, importId), eq(registerImportRows.kind, 'PENDING'), gt(registerImportRows.rowNumber, afterRow)))
        .orderBy(asc(registerImportRows.rowNumber))
        .limit(limit);
    },
    /** Register members by citizen ID, wherever they are: one statement per batch. */
    membersByCitizenId(citizenIds: string[]): Promise<MemberRow[]> {
      if (citizenIds.length === 0) return Promise.resolve([]);
      return executor.select().from(members).where(inArray(members.citizenId, citizenIds));
    },
    membersByCardNumber(cardNumbers: string[]): Promise<MemberRow[]> {
      if (cardNumbers.length === 0) return Promise.resolve([]);
      return executor.select().from(members).where(inArray(members.cardNumber, cardNumbers));
    },
    /**
     * For each candidate, the register member born the same day whose name without diacritics is most alike
     * (pg_trgm similarity at least `threshold`), if any: one statement per batch. The birth date leads, through
     * its index (a few members per day), since the trigram index finds too many alike names among common ones.
     */
    async probableMatches(candidates: { rowNumber: number; name: string; birthDate: string }[], threshold: number) {
      if (candidates.length === 0) return new Map<number, string>();
      const found = (await executor.execute(sql`
        select c.row_number, m.id
        from jsonb_to_recordset(${JSON.stringify(candidates.map((c) => ({ row_number: c.rowNumber, name: c.name, birth_date: c.birthDate })))}::jsonb)
          as c(row_number int, name text, birth_date date)
        cross join lateral (
          select id from ${members}
          where ${members.birthDate} = c.birth_date and similarity(${members.nameSearch}, members.search_text(c.name)) >= ${threshold}
          order by similarity(${members.nameSearch}, members.search_text(c.name)) desc
          limit 1
        ) m`)) as unknown as { row_number: number; id: string }[];
      return new Map(found.map((row) => [row.row_number, row.id]));
    },
    /** Writes a batch's outcomes in one statement. */
    async setOutcomes(importId: string, outcomes: RowOutcome[]): Promise<void> {
      if (outcomes.length === 0) return;
      await executor.execute(sql`
        update ${registerImportRows} r
        set kind = v.kind::members.register_import_row_kind, member_id = v.member_id, changes = v.changes, errors = v.errors
        from jsonb_to_recordset(${JSON.stringify(
          outcomes.map((o) => ({ row_number: o.rowNumber, kind: o.kind, member_id: o.memberId, changes: o.changes, errors: o.errors })),
        )}::jsonb) as v(row_number int, kind text, member_id uuid, changes jsonb, errors jsonb)
        where r.import_id = ${importId} and r.row_number = v.row_number`);
      await executor
        .update(registerImports)
        .set({ processedRows: sql`${registerImports.processedRows} + ${outcomes.length}` })
        .where(eq(registerImports.id, importId));
    },
    /** The register's living members of the subtree whose citizen ID the file lacks (and no row is about), added as MISSING rows after `lastRow`. */
    async addMissing(importId: string, orgPath: string, lastRow: number): Promise<void> {
      await executor.execute(sql`
        insert into ${registerImportRows} (import_id, row_number, kind, citizen_id, member_id)
        select ${importId}, ${lastRow} + row_number() over (order by m.name_search, m.id), 'MISSING', m.citizen_id, m.id
        from ${members} m
        where m.org_path like ${`${orgPath}%`}
          and m.activity_status not in (${sql.join(TERMINAL.map((status) => sql`${status}`), sql`, `)})
          and not exists (select 1 from ${registerImportRows} r where r.import_id = ${importId} and r.citizen_id = m.citizen_id)
          -- A member a row is probably about (a duplicate) is shown there, not again as missing.
          and not exists (select 1 from ${registerImportRows} r where r.import_id = ${importId} and r.member_id = m.id)`);
    },
    async finish(importId: string): Promise<StoredImport> {
      const [row] = await executor
        .update(registerImports)
        .set({
          status: sql`case when exists (select 1 from ${registerImportRows} r where r.import_id = ${importId} and r.kind = 'INVALID')
            then 'REFUSED'::members.register_import_status else 'READY'::members.register_import_status end`,
        })
        .where(eq(registerImports.id, importId))
        .returning();
      return row!;
    },
    async lastRowNumber(importId: string): Promise<number> {
      const [row] = await executor
        .select({ last: sql<number>`coalesce(max(${registerImportRows.rowNumber}), 0)::int` })
        .from(registerImportRows)
        .where(eq(registerImportRows.importId, importId));
      return row!.last;
    },
    async counts(importId: string): Promise<Record<ImportRowKind | 'APPLIED', number>> {
      const rows = await executor
        .select({ kind: registerImportRows.kind, count: sql<number>`count(*)::int`, applied: sql<number>`count(${registerImportRows.appliedAt})::int` })
        .from(registerImportRows)
        .where(eq(registerImportRows.importId, importId))
        .groupBy(registerImportRows.kind);
      const counts = { PENDING: 0, NEW: 0, CHANGED: 0, UNCHANGED: 0, MISSING: 0, DUPLICATE: 0, INVALID: 0, APPLIED: 0 };
      for (const row of rows) {
        counts[row.kind] = row.count;
        counts.APPLIED += row.applied;
      }
      return counts;
    },
    rows(importId: string, kinds: ImportRowKind[] | null, afterRow: number, limit: number): Promise<StoredImportRow[]> {
      return executor
        .select()
        .from(registerImportRows)
        .where(
          and(
            eq(registerImportRows.importId, importId),
            gt(registerImportRows.rowNumber, afterRow),
            kinds ? inArray(registerImportRows.kind, kinds) : notInArray(registerImportRows.kind, ['PENDING']),
          ),
        )
        .orderBy(asc(registerImportRows.rowNumber))
        .limit(limit);
    },
    /** The rows an application may still take, locked: new and changed ones not applied yet (all, or those named). */
    applicable(importId: string, rowNumbers: number[] | null): Promise<StoredImportRow[]> {
      return executor
        .select()
        .from(registerImportRows)
        .where(
          and(
            eq(registerImportRows.importId, importId),
            inArray(registerImportRows.kind, ['NEW', 'CHANGED']),
            isNull(registerImportRows.appliedAt),
            rowNumbers ? inArray(registerImportRows.rowNumber, rowNumbers) : undefined,
          ),
        )
        .orderBy(asc(registerImportRows.rowNumber))
        .for('update');
    },
    async markApplied(importId: string, rowNumbers: number[], by: string): Promise<void> {
      if (rowNumbers.length === 0) return;
      await executor
        .update(registerImportRows)
        .set({ appliedAt: sql`now()`, appliedBy: by })
        .where(and(eq(registerImportRows.importId, importId), inArray(registerImportRows.rowNumber, rowNumbers)));
    },
    async markImportApplied(importId: string): Promise<void> {
      await executor.update(registerImports).set({ status: 'APPLIED', appliedAt: sql`now()` }).where(eq(registerImports.id, importId));
    },
    async insertMember(row: typeof members.$inferInsert): Promise<MemberRow> {
      const [created] = await executor.insert(members).values(row).returning();
      return created!;
    },
    async updateMember(id: string, changes: Partial<typeof members.$inferInsert>): Promise<MemberRow> {
      const [updated] = await executor
        .update(members)
        .set({ ...changes, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
        .where(eq(members.id, id))
        .returning();
      return updated!;
    },
    /** The materialized path of each organization that has members or role holders under the import's subtree. */
    async organizationPaths(orgIds: string[], within: string): Promise<Map<string, string>> {
      if (orgIds.length === 0) return new Map();
      const found = await executor
        .selectDistinct({ orgId: members.orgId, orgPath: members.orgPath })
        .from(members)
        .where(and(inArray(members.orgId, orgIds), like(members.orgPath, `${within}%`)));
      return new Map(found.map((row) => [row.orgId, row.orgPath]));
    },
  };
}

export type RegisterImportRepository = ReturnType<typeof registerImportRepository>;

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../src/schema/index.ts';
import { migrationsFolder } from '../src/migrate.ts';
import { SCHEMA_NAMES as schemas } from '../src/schema/names.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';


async function latestSnapshot() {
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.at(-1)!;
  const file = join(migrationsFolder, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(await readFile(file, 'utf8'));
}

describe('migrations', () => {
  it('match the drizzle table definitions (run `npm run db:generate` after changing a table)', async () => {
    const committed = await latestSnapshot();
    const current = generateDrizzleJson(schema, committed.id, schemas);
    const pending = await generateMigration(committed, current);
    expect(pending).toEqual([]);
  });

  it('would report a table added without a migration', async () => {
    const committed = await latestSnapshot();
    const { pgSchema, text } = await import('drizzle-orm/pg-core');
    const extra = pgSchema('members').table('not_migrated', { id: text().primaryKey() });
    const current = generateDrizzleJson({ ...schema, extra }, committed.id, schemas);
    const pending = await generateMigration(committed, current);
    expect(pending.join('\n')).toContain('"members"."not_migrated"');
  });

  describe('applied to a database', () => {
    let database: TestDatabase;
    let sql: postgres.Sql;
    beforeAll(async () => {
      database = await createTestDatabase();
      sql = postgres(database.url, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await sql.end();
      await database.drop();
    });

    it('create one schema per subgraph plus audit and outbox', async () => {
      const rows = await sql<{ nspname: string }[]>`
        select nspname from pg_namespace where nspname = any(${schemas}) order by nspname`;
      expect(rows.map((r) => r.nspname)).toEqual([...schemas].sort());
    });

    it('refuse an official date less than 12 months after joining', async () => {
      const insert = sql`
        insert into members.members (full_name, gender, birth_date, citizen_id, ethnicity, hometown,
          residence_address, joined_on, official_on, membership_kind, org_id, org_path, dues_category)
        values ('Nguyễn Văn An', 'MALE', '1980-01-01', '001080000001', 'Kinh', 'Hà Nội', 'Hà Nội',
          '2020-01-10', '2020-06-10', 'OFFICIAL', gen_random_uuid(), '/x/', 'PENSION')`;
      await expect(insert).rejects.toThrow(/members_official_after_probation/);
    });

    it('keep a lower-case, diacritic-free copy of each name for search', async () => {
      const [row] = await sql<{ name_search: string }[]>`
        insert into members.members (full_name, gender, birth_date, citizen_id, ethnicity, hometown,
          residence_address, joined_on, membership_kind, org_id, org_path, dues_category)
        values ('Đặng Thị Hường Ữ', 'FEMALE', '1990-01-01', '001090000123', 'Kinh', 'Hà Nội', 'Hà Nội',
          '2020-01-10', 'PROBATIONARY', gen_random_uuid(), '/x/', 'PENSION')
        returning name_search`;
      expect(row!.name_search).toBe('dang thi huong u');
    });

    it('keep the audit trail append-only', async () => {
      await sql`insert into audit.entries (chain, action, entity_type, entity_id, hash) values ('test', 'test', 'Test', 'x', 'h')`;
      await expect(sql`update audit.entries set action = 'changed'`).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit.entries`).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit.entries`).rejects.toThrow(/append-only/);
    });

    it('keep outbox events as they were written', async () => {
      await sql`insert into outbox.events (topic, aggregate_id, payload) values ('test.happened', 'x', '{}')`;
      await expect(sql`update outbox.events set payload = '{"forged": true}'`).rejects.toThrow(/outbox.events is append-only/);
      await expect(sql`delete from outbox.events`).rejects.toThrow(/append-only/);
      await expect(sql`truncate outbox.events cascade`).rejects.toThrow(/append-only/);
    });

    it('refuse a citizen ID that is not 12 digits', async () => {
      const insert = sql`
        insert into members.members (full_name, gender, birth_date, citizen_id, ethnicity, hometown,
          residence_address, joined_on, membership_kind, org_id, org_path, dues_category)
        values ('Trần Thị Bình', 'FEMALE', '1990-01-01', '00109000000X', 'Kinh', 'Hà Nội', 'Hà Nội',
          '2020-01-10', 'PROBATIONARY', gen_random_uuid(), '/x/', 'PENSION')`;
      await expect(insert).rejects.toThrow(/members_citizen_id_digits/);
    });
  });
});

import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDatabase, SCHEMA_NAMES, SERVICE_NAMES, serviceDatabaseUrl, startEmbeddedPostgres, type EmbeddedServer } from '@dangvu/drizzle';
import { MIN_MEMBERS, seedDemoData } from '@dangvu/drizzle/seed';
import { freePort, testServicePasswords, withDatabase } from '@dangvu/drizzle/testing';
import { auditLog, loadConfig, verifyAuditChain, type ChainHead } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCommand } from '../src/backup.ts';
import { findPgTool } from '../src/backup/pg-tools.ts';
import { databaseConfig } from '../src/config.ts';
import { startDatabase } from '../src/database.ts';
import { loadOrCreateKeys } from '../src/keys.ts';
import { restoreCommand } from '../src/restore.ts';

/** An installation's .data: open to others, as the `postgres` system user must reach the cluster inside when run as root. */
const made: string[] = [];
async function installationDir() {
  const dir = await mkdtemp(join(tmpdir(), 'dangvu-backup-'));
  await chmod(dir, 0o755);
  made.push(dir);
  return dir;
}
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** What a restore must give back: every table's row count, counted here apart from the backup's own census. */
interface Contents {
  rows: Record<string, number>;
  heads: ChainHead[];
}

async function contentsOf(url: string): Promise<Contents> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const handle = createDb(url, { max: 1 });
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = any(${[...SCHEMA_NAMES, 'drizzle']})`;
    const rows: Record<string, number> = {};
    for (const { schema, name } of tables) {
      const [row] = await sql<{ count: number }[]>`select count(*)::int as count from ${sql(schema)}.${sql(name)}`;
      rows[`${schema}.${name}`] = row!.count;
    }
    const { problems, heads } = await verifyAuditChain(handle.db);
    expect(problems).toEqual([]);
    return { rows, heads };
  } finally {
    await handle.close();
    await sql.end();
  }
}

/** The demo province at its smallest, and audit entries in more than one chain. */
async function fill(url: string) {
  await migrateDatabase(url);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  await seedDemoData(sql, { members: MIN_MEMBERS });
  await sql.end();
  const handle = createDb(url, { max: 3 });
  await Promise.all(
    [0, 1, 2].map((index) =>
      handle.db.transaction((tx) =>
        auditLog(tx).append([{ actorId: null, action: 'member.viewed', entityType: 'Member', entityId: `m-${index}`, requestId: `r-${index}` }]),
      ),
    ),
  );
  await handle.close();
}

async function command(run: typeof backupCommand | typeof restoreCommand, argv: string[], dataDir: string, env: NodeJS.ProcessEnv) {
  let output = '';
  const code = await run(argv, { dataDir, env, out: { write: (text: string) => (output += text) } });
  return { code, output };
}

/** Each service's role reads every table of its own schema, as many rows as were backed up. */
async function expectServicesRead(urlOf: (service: (typeof SERVICE_NAMES)[number]) => string, rows: Record<string, number>) {
  for (const service of SERVICE_NAMES) {
    const sql = postgres(urlOf(service), { max: 1, onnotice: () => {} });
    try {
      const own = Object.keys(rows).filter((table) => table.startsWith(`${service}.`));
      expect(own.length).toBeGreaterThan(0);
      for (const table of own) {
        const [schema, name] = table.split('.');
        const [row] = await sql<{ count: number }[]>`select count(*)::int as count from ${sql(schema!)}.${sql(name!)}`;
        expect(row!.count, `${service} reads ${table}`).toBe(rows[table]);
      }
    } finally {
      await sql.end();
    }
  }
}

describe('npm run backup and npm run restore with the embedded server', () => {
  let source: string;
  let sourceEnv: NodeJS.ProcessEnv;
  let before: Contents;
  const backups: Record<string, string> = {};

  beforeAll(async () => {
    source = await installationDir();
    sourceEnv = { EMBEDDED_PG_PORT: String(await freePort()) };
    await loadOrCreateKeys(join(source, 'keys.json'));
    const running = await startDatabase(loadConfig(databaseConfig(source), sourceEnv), () => {}, { passwordsFile: join(source, 'database-passwords.json') });
    try {
      await fill(running.url);
      before = await contentsOf(running.url);
      // While the server runs, as under npm start: the backup joins it.
      backups.online = join(source, 'backup-online');
      const online = await command(backupCommand, ['--to', backups.online], source, sourceEnv);
      expect(online.output).toContain('Đã sao lưu');
      expect(online.code).toBe(0);
      for (const name of ['base.tar.gz', 'wal.tar.gz', 'backup_label']) expect((await stat(join(backups.online, name))).mode & 0o077, name).toBe(0);
    } finally {
      await running.stop();
    }
    // With nothing running: the backup starts the server and stops it again.
    backups.offline = join(source, 'backup-offline');
    expect((await command(backupCommand, ['--to', backups.offline], source, sourceEnv)).code).toBe(0);
  }, 300_000);

  for (const kind of ['online', 'offline'] as const) {
    it(`restores a backup taken ${kind === 'online' ? 'while the server ran' : 'of a stopped server'} into a new installation: every row, the audit chains' heads, the keys, the services' logins`, async () => {
      const target = await installationDir();
      const env = { EMBEDDED_PG_PORT: String(await freePort()) };
      const restored = await command(restoreCommand, [backups[kind]!], target, env);
      expect(restored.output).toContain('Đã khôi phục');
      expect(restored.code).toBe(0);
      expect(await readFile(join(target, 'keys.json'), 'utf8')).toBe(await readFile(join(source, 'keys.json'), 'utf8'));

      const database = await startDatabase(loadConfig(databaseConfig(target), env), () => {}, { passwordsFile: join(target, 'database-passwords.json') });
      try {
        const after = await contentsOf(database.url);
        expect(after.rows).toEqual(before.rows);
        expect(after.heads).toEqual(before.heads);
        expect(before.rows['members.members']).toBeGreaterThanOrEqual(MIN_MEMBERS);
        expect(before.heads.length).toBeGreaterThan(0);
        await expectServicesRead((service) => database.serviceUrl(service), before.rows);
      } finally {
        await database.stop();
      }
    }, 180_000);
  }

  it('refuses to overwrite a cluster that holds data without --force, and with it keeps the former one aside', async () => {
    const target = await installationDir();
    const env = { EMBEDDED_PG_PORT: String(await freePort()) };
    const other = await startDatabase(loadConfig(databaseConfig(target), env), () => {}, { passwordsFile: join(target, 'database-passwords.json') });
    await migrateDatabase(other.url);
    await other.stop();
    const passwordsBefore = await readFile(join(target, 'database-passwords.json'), 'utf8');

    const refused = await command(restoreCommand, [backups.online!], target, env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Không ghi đè ${join(target, 'postgres')}, database-passwords.json khi chưa có --force`);
    expect(await readFile(join(target, 'database-passwords.json'), 'utf8')).toBe(passwordsBefore);

    const forced = await command(restoreCommand, [backups.online!, '--force'], target, env);
    expect(forced.code).toBe(0);
    const entries = await readdir(target);
    expect(entries.filter((name) => name.startsWith('postgres.before-restore-'))).toHaveLength(1);
    expect(entries.filter((name) => name.startsWith('database-passwords.json.before-restore-'))).toHaveLength(1);
    const database = await startDatabase(loadConfig(databaseConfig(target), env), () => {}, { passwordsFile: join(target, 'database-passwords.json') });
    try {
      expect((await contentsOf(database.url)).rows).toEqual(before.rows);
    } finally {
      await database.stop();
    }
  }, 180_000);

  it('restores a backup taken while entries are being written to exactly what its manifest counted', async () => {
    const running = await startDatabase(loadConfig(databaseConfig(source), sourceEnv), () => {}, { passwordsFile: join(source, 'database-passwords.json') });
    const handle = createDb(running.url, { max: 2 });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await handle.db.transaction((tx) =>
          auditLog(tx).append([{ actorId: null, action: 'member.viewed', entityType: 'Member', entityId: `w-${written}`, requestId: null }]),
        );
        written++;
      }
    })();
    const backupDir = join(source, 'backup-under-writes');
    try {
      while (written < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const backup = command(backupCommand, ['--to', backupDir], source, sourceEnv);
      // Once the files are being copied, a long transaction holds a writer's lock past the backup's first tries
      // at its own (2 s each): the backup lets go and tries again rather than hold every writer up behind it.
      while (!existsSync(join(backupDir, 'base.tar.gz'))) await new Promise((resolve) => setTimeout(resolve, 20));
      const long = handle.sql.begin(async (tx) => {
        await tx`lock table audit.entries in row exclusive mode`;
        await tx`select pg_sleep(10)`;
      });
      expect((await backup).code).toBe(0);
      await long;
      while (written < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      writing = false;
      await writer;
      await handle.close();
      await running.stop();
    }
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8'));
    const inBackup = manifest.census.tables['audit.entries'] as number;
    const beforeWrites = before.rows['audit.entries']!;
    expect(inBackup).toBeGreaterThanOrEqual(beforeWrites + 20);
    expect(inBackup).toBeLessThan(beforeWrites + written);

    const target = await installationDir();
    const env = { EMBEDDED_PG_PORT: String(await freePort()) };
    const restored = await command(restoreCommand, [backupDir], target, env);
    expect(restored.output).toContain('khớp với bản sao lưu');
    expect(restored.code).toBe(0);
    const database = await startDatabase(loadConfig(databaseConfig(target), env), () => {}, { passwordsFile: join(target, 'database-passwords.json') });
    try {
      const after = await contentsOf(database.url);
      expect(after.rows['audit.entries']).toBe(inBackup);
      expect(after.heads).toEqual(manifest.census.auditHeads);
    } finally {
      await database.stop();
    }
  }, 180_000);

  it('refuses while the embedded server runs, and leaves it running', async () => {
    const running = await startDatabase(loadConfig(databaseConfig(source), sourceEnv), () => {}, { passwordsFile: join(source, 'database-passwords.json') });
    try {
      const held = await contentsOf(running.url);
      const refused = await command(restoreCommand, [backups.online!, '--force'], source, sourceEnv);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('dừng npm start trước');
      expect(await contentsOf(running.url)).toEqual(held);
    } finally {
      await running.stop();
    }
  }, 120_000);
});

describe('npm run backup and npm run restore with DATABASE_URL', () => {
  let server: EmbeddedServer | null = null;
  let adminUrl: string;
  const databases: string[] = [];
  beforeAll(async () => {
    const external = process.env.TEST_DATABASE_URL;
    server = external ? null : await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'dangvu-backup-pg-')), port: await freePort(), persistent: false });
    adminUrl = external ?? server!.adminUrl;
  }, 120_000);
  afterAll(async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    for (const name of databases) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    await server?.stop();
  });

  async function database(tag: string) {
    const name = `dangvu_backup_${tag}_${process.pid}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    databases.push(name);
    return withDatabase(adminUrl, name);
  }

  /**
   * An installation whose role passwords are the ones every test run against this server uses: roles belong to
   * the whole server, and a restore sets them.
   */
  async function installation() {
    const dir = await installationDir();
    await writeFile(join(dir, 'database-passwords.json'), JSON.stringify({ superuser: 'unused', services: testServicePasswords(adminUrl) }), { mode: 0o600 });
    await loadOrCreateKeys(join(dir, 'keys.json'));
    return dir;
  }

  async function serverMajor() {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    const [row] = await admin<{ num: number }[]>`select current_setting('server_version_num')::int as num`;
    await admin.end();
    return Math.floor(row!.num / 10000);
  }

  it('round-trips a seeded database with the pg_dump that matches the server, or says which one is missing', async () => {
    const sourceUrl = await database('source');
    await fill(sourceUrl);
    const before = await contentsOf(sourceUrl);
    const source = await installation();
    const backupDir = join(source, 'backup');
    const major = await serverMajor();
    const backup = await command(backupCommand, ['--to', backupDir], source, { PATH: process.env.PATH, DATABASE_URL: sourceUrl });
    if (!(await findPgTool('pg_dump', major))) {
      // The embedded test server (PostgreSQL 18) on a machine whose pg_dump is older: refused by name, no backup left.
      expect(backup.output).toContain(`Không có pg_dump phiên bản ${major} trở lên`);
      expect(backup.code).toBe(1);
      expect(existsSync(backupDir)).toBe(false);
      return;
    }
    expect(backup.output).toContain('Đã sao lưu');
    expect(backup.code).toBe(0);
    for (const name of ['manifest.json', 'database.dump']) expect((await stat(join(backupDir, name))).mode & 0o077, name).toBe(0);
    const manifest = JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ method: 'pg_dump', source: { major }, installationFiles: ['keys.json', 'database-passwords.json'] });
    expect(manifest.tool.major).toBeGreaterThanOrEqual(major);

    const targetUrl = await database('target');
    const target = await installationDir();
    const restored = await command(restoreCommand, [backupDir], target, { PATH: process.env.PATH, DATABASE_URL: targetUrl });
    expect(restored.output).toContain('Đã khôi phục');
    expect(restored.code).toBe(0);
    const after = await contentsOf(targetUrl);
    expect(after.rows).toEqual(before.rows);
    expect(after.heads).toEqual(before.heads);
    // The dump carries no grants: each service's role reads its own tables again, and only its own.
    const passwords = testServicePasswords(adminUrl);
    const asMembers = postgres(serviceDatabaseUrl(targetUrl, 'members', passwords.members), { max: 1, onnotice: () => {} });
    const [members] = await asMembers<{ count: number }[]>`select count(*)::int as count from members.members`;
    await expect(asMembers`select count(*) from dues.obligations`).rejects.toThrow(/permission denied/);
    await asMembers.end();
    expect(members!.count).toBe(before.rows['members.members']);
    await expectServicesRead((service) => serviceDatabaseUrl(targetUrl, service, passwords[service]), before.rows);

    const refused = await command(restoreCommand, [backupDir], target, { PATH: process.env.PATH, DATABASE_URL: targetUrl });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Không ghi đè DATABASE_URL khi chưa có --force');
    const forced = await command(restoreCommand, [backupDir, '--force'], target, { PATH: process.env.PATH, DATABASE_URL: targetUrl });
    expect(forced.code).toBe(0);
    expect((await contentsOf(targetUrl)).rows).toEqual(before.rows);

    // A restore that does not give back what the manifest counted says so, and fails.
    manifest.census.tables['members.members'] += 1;
    manifest.census.auditHeads[0].hash = 'f'.repeat(64);
    await writeFile(join(backupDir, 'manifest.json'), JSON.stringify(manifest));
    const short = await command(restoreCommand, [backupDir, '--force'], target, { PATH: process.env.PATH, DATABASE_URL: targetUrl });
    expect(short.code).toBe(1);
    expect(short.output).toContain(`✗ bảng / table members.members: ${before.rows['members.members']! + 1} → ${before.rows['members.members']}`);
    expect(short.output).toContain(`✗ chuỗi nhật ký / audit chain ${before.heads[0]!.chain}: ${before.heads[0]!.count} mục ffffffffffff →`);
    expect(short.output).not.toContain('Đã khôi phục');
  }, 300_000);
});

describe('npm run restore given something else', () => {
  it('refuses a directory that is not a backup, and a backup directory that is not empty', async () => {
    const dir = await installationDir();
    const restored = await command(restoreCommand, [dir], dir, {});
    expect(restored.code).toBe(1);
    expect(restored.output).toContain('không phải bản sao lưu');
    await writeFile(join(dir, 'something'), 'x');
    const backup = await command(backupCommand, ['--to', dir], dir, {});
    expect(backup.code).toBe(2);
    expect(backup.output).toContain('đã có dữ liệu');
    expect(await readdir(dir)).toEqual(['something']);
  });
});

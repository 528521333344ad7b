import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { loadConfig } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { databaseIdentity } from './audit-checkpoint.ts';
import { clusterRunning, takeBaseBackup } from './backup/base-backup.ts';
import { takeCensus, type Census } from './backup/census.ts';
import { saveInstallationFiles } from './backup/installation-files.ts';
import { DUMP_FILE, writeManifest, type BackupManifest } from './backup/manifest.ts';
import { findPgTool, runTool, toolConnection } from './backup/pg-tools.ts';
import { DATA_DIR, databaseConfig } from './config.ts';
import { loadOrCreateDatabasePasswords } from './database-passwords.ts';
import { openDatabase } from './database.ts';

export interface BackupDeps {
  /** The installation's .data: its keys, its passwords, its embedded server's files. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  out: { write(text: string): unknown };
  now?: () => Date;
}

const USAGE = 'Cách dùng / usage: npm run backup [-- --to <thư mục / directory>]';

/** The embedded server's database (database.ts). */
const EMBEDDED_DATABASE = 'dangvu';

type Source = Pick<BackupManifest, 'source' | 'tool' | 'census' | 'method'>;

async function serverVersion(sql: postgres.Sql): Promise<{ version: string; major: number }> {
  const [row] = await sql<{ version: string; num: number }[]>`
    select current_setting('server_version') as version, current_setting('server_version_num')::int as num`;
  return { version: row!.version, major: Math.floor(row!.num / 10000) };
}

/** DATABASE_URL's database, with the pg_dump that matches its server, from a snapshot the census shares. */
async function dumpExternal(url: string, into: string, env: NodeJS.ProcessEnv): Promise<Source> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const version = await serverVersion(sql);
    const pgDump = await findPgTool('pg_dump', version.major, env);
    if (!pgDump) {
      throw new Error(
        `Không có pg_dump phiên bản ${version.major} trở lên cho máy chủ PostgreSQL ${version.version}: cài gói postgresql-client-${version.major} ` +
          `hoặc thêm thư mục chứa pg_dump vào PATH. / No pg_dump ${version.major} or newer for this server: install it or put it on PATH.`,
      );
    }
    const connection = toolConnection(url, env);
    const census = await sql.begin('isolation level repeatable read read only', async (tx) => {
      const [{ snapshot } = { snapshot: '' }] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
      const counted = await takeCensus(tx);
      await runTool(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${join(into, DUMP_FILE)}`, `--dbname=${connection.url}`], connection.env);
      return counted;
    });
    return { method: 'pg_dump', source: { database: databaseIdentity(url), ...version }, tool: { version: pgDump.version, major: pgDump.major }, census };
  } finally {
    await sql.end();
  }
}

/** The embedded cluster, running (npm start) or started for the occasion. */
async function baseBackupEmbedded(deps: BackupDeps, into: string): Promise<Source> {
  const { embedded } = loadConfig(databaseConfig(deps.dataDir), deps.env);
  let url: string;
  let stop = async () => {};
  if (clusterRunning(embedded.dataDir)) {
    const { superuser } = await loadOrCreateDatabasePasswords(join(deps.dataDir, 'database-passwords.json'));
    url = `postgres://postgres:${encodeURIComponent(superuser)}@127.0.0.1:${embedded.port}/${EMBEDDED_DATABASE}`;
  } else {
    if (!existsSync(join(embedded.dataDir, 'PG_VERSION'))) throw new Error(`${embedded.dataDir} chưa có cơ sở dữ liệu nào / holds no database yet`);
    const database = await openDatabase(deps.dataDir, deps.env, () => {});
    url = database.url;
    stop = database.stop;
  }
  try {
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    try {
      const version = await serverVersion(sql);
      const census = await takeBaseBackup(sql, embedded.dataDir, into);
      return {
        method: 'base-backup',
        source: { database: databaseIdentity(url), ...version },
        tool: { version: `PostgreSQL ${version.version}: pg_backup_start / pg_backup_stop`, major: version.major },
        census,
      };
    } finally {
      await sql.end();
    }
  } finally {
    await stop();
  }
}

const totalRows = (census: Census) => Object.values(census.tables).reduce((sum, count) => sum + count, 0);
const auditEntries = (census: Census) => census.auditHeads.reduce((sum, head) => sum + head.count, 0);

/**
 * `npm run backup`: the database (the embedded server's, or DATABASE_URL's) and the installation's keys and
 * passwords, into a new directory (`.data/backups/<time>` unless --to), with a manifest of what it holds.
 * A backup that fails leaves no directory behind that could pass for one. Returns the exit code.
 */
export async function backupCommand(argv: readonly string[], deps: BackupDeps): Promise<number> {
  const say = (line: string) => deps.out.write(`${line}\n`);
  let to: string | undefined;
  try {
    ({ to } = parseArgs({ args: [...argv], options: { to: { type: 'string' } } }).values);
  } catch {
    say(USAGE);
    return 2;
  }
  const createdAt = (deps.now?.() ?? new Date()).toISOString();
  // npm runs scripts from the repository's root; a relative --to means where the operator typed it (INIT_CWD).
  const into = to ? resolve(deps.env.INIT_CWD ?? process.cwd(), to) : join(deps.dataDir, 'backups', createdAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z'));
  if (existsSync(into) && readdirSync(into).length > 0) {
    say(`${into} đã có dữ liệu; chọn thư mục khác / is not empty: choose another directory`);
    return 2;
  }
  await mkdir(into, { recursive: true, mode: 0o700 });
  try {
    const { url } = loadConfig(databaseConfig(deps.dataDir), deps.env);
    const source = url ? await dumpExternal(url, into, deps.env) : await baseBackupEmbedded(deps, into);
    const installationFiles = await saveInstallationFiles(deps.dataDir, into);
    await writeManifest(into, { createdAt, ...source, installationFiles });
    // The dump and the archives were written with the umask's mode: they hold every member's record.
    for (const entry of await readdir(into, { withFileTypes: true })) if (entry.isFile()) await chmod(join(into, entry.name), 0o600);
    say(
      `Đã sao lưu ${source.source.database} (PostgreSQL ${source.source.version}, ${source.method}) vào ${into}: ` +
        `${Object.keys(source.census.tables).length} bảng, ${totalRows(source.census)} dòng, ${auditEntries(source.census)} mục nhật ký ` +
        `trong ${source.census.auditHeads.length} chuỗi; kèm ${installationFiles.join(', ') || 'không tệp nào'}. / backed up`,
    );
    say('Chép bản sao lưu ra khỏi máy này (docs/operations.md#backup-and-restore). / Copy it off this machine.');
    return 0;
  } catch (error) {
    await rm(into, { recursive: true, force: true });
    say(`✗ sao lưu thất bại / backup failed: ${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.main) {
  assertNode24();
  process.exitCode = await backupCommand(process.argv.slice(2), { dataDir: DATA_DIR, env: process.env, out: process.stdout });
}

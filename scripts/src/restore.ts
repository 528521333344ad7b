import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, migrateDatabase, SCHEMA_NAMES, SERVICE_NAMES } from '@dangvu/drizzle';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { loadConfig, verifyAuditChain } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { clusterRunning, placeBaseBackup } from './backup/base-backup.ts';
import { censusDifferences, takeCensus } from './backup/census.ts';
import { replacedInstallationFiles, restoreInstallationFiles } from './backup/installation-files.ts';
import { DUMP_FILE, readManifest, type BackupManifest } from './backup/manifest.ts';
import { findPgTool, runTool, toolConnection } from './backup/pg-tools.ts';
import { DATA_DIR, databaseConfig } from './config.ts';
import { startDatabase, type PlatformDatabase } from './database.ts';

export interface RestoreDeps {
  /** The installation's .data, where the keys and passwords go back. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  out: { write(text: string): unknown };
  now?: () => Date;
}

const USAGE = 'Cách dùng / usage: npm run restore -- <thư mục sao lưu / backup directory> [--force]';

class Refusal extends Error {}

/** Does DATABASE_URL's database hold any table of its own? */
async function holdsTables(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ count: string }[]>`
      select count(*)::text as count from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg\\_%'`;
    return Number(row!.count) > 0;
  } finally {
    await sql.end();
  }
}

/** The dump into DATABASE_URL's database, in one transaction: a failed restore leaves nothing of itself. */
async function restoreDump(backupDir: string, manifest: BackupManifest, url: string, replace: boolean, env: NodeJS.ProcessEnv): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let major: number;
  try {
    const [row] = await sql<{ num: number }[]>`select current_setting('server_version_num')::int as num`;
    major = Math.floor(row!.num / 10000);
    // Dropping the schemas is the one way past the append-only audit trail, as `npm run seed -- --reset` does.
    if (replace) await sql.unsafe(`drop schema if exists ${[...SCHEMA_NAMES, 'drizzle'].map((name) => `"${name}"`).join(', ')} cascade`);
  } finally {
    await sql.end();
  }
  const pgRestore = await findPgTool('pg_restore', Math.max(major, manifest.tool.major), env);
  if (!pgRestore) {
    throw new Error(
      `Không có pg_restore phiên bản ${Math.max(major, manifest.tool.major)} trở lên: cài postgresql-client hoặc thêm nó vào PATH. / ` +
        'No pg_restore new enough for this dump and server: install it or put it on PATH.',
    );
  }
  const connection = toolConnection(url, env);
  // Owners and grants are this server's: the tables go to DATABASE_URL's user, the grants come from the migrate step.
  await runTool(
    pgRestore,
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${connection.url}`, join(backupDir, DUMP_FILE)],
    connection.env,
  );
}

/** The restored database against the backup's census, as it was restored (before any newer migration): every row, every audit chain intact. */
async function contentProblems(url: string, manifest: BackupManifest): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const handle = createDb(url, { max: 1 });
  try {
    const problems = censusDifferences(manifest.census, await takeCensus(sql));
    const chain = await verifyAuditChain(handle.db);
    if (chain.problems.length) problems.push(`nhật ký có ${chain.problems.length} vấn đề / the audit trail has problems: npm run audit:verify`);
    return problems;
  } finally {
    await handle.close();
    await sql.end();
  }
}

/** Each service's role signs in and reads every table of its own schema, as its process will. */
async function serviceProblems(database: PlatformDatabase, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const service of SERVICE_NAMES) {
    const sql = postgres(database.serviceUrl(service), { max: 1, onnotice: () => {} });
    try {
      for (const table of Object.keys(manifest.census.tables).filter((name) => name.startsWith(`${service}.`))) {
        await sql.unsafe(`select 1 from ${table} limit 1`).catch((error: Error) => {
          problems.push(`vai trò của ${service} không đọc được ${table} / the ${service} role cannot read it (${error.message})`);
        });
      }
    } finally {
      await sql.end();
    }
  }
  return problems;
}

/**
 * `npm run restore -- <backup> [--force]`: a backup made by `npm run backup` back into the embedded server
 * (a base backup) or DATABASE_URL's database (a dump), with the installation's keys and passwords. It refuses
 * to replace a database that holds anything, or keys that differ, unless --force: then what was there is
 * moved aside (the embedded cluster, the key files) or dropped (DATABASE_URL's platform schemas). Then it
 * checks the restore against the backup's manifest. Returns the exit code.
 */
export async function restoreCommand(argv: readonly string[], deps: RestoreDeps): Promise<number> {
  const say = (line: string) => deps.out.write(`${line}\n`);
  let parsed: { positionals: string[]; values: { force: boolean } };
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  } catch {
    say(USAGE);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    say(USAGE);
    return 2;
  }
  const backupDir = resolve(deps.env.INIT_CWD ?? process.cwd(), parsed.positionals[0]!);
  const force = parsed.values.force;
  const aside = `.before-restore-${(deps.now?.() ?? new Date()).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}`;
  try {
    const manifest = await readManifest(backupDir);
    const settings = loadConfig(databaseConfig(deps.dataDir), deps.env);
    const replacedFiles = await replacedInstallationFiles(backupDir, deps.dataDir);
    const refuse = (what: string) => {
      throw new Refusal(
        `Không ghi đè ${what} khi chưa có --force; với --force, cái cũ được chuyển sang tên có đuôi ${aside}. / ` +
          `Will not overwrite ${what} without --force.`,
      );
    };
    if (manifest.method === 'base-backup') {
      if (settings.url) throw new Refusal('Bản sao lưu này của máy chủ nhúng: bỏ DATABASE_URL để khôi phục. / A base backup restores into the embedded server: unset DATABASE_URL.');
      const { dataDir } = settings.embedded;
      if (clusterRunning(dataDir)) throw new Refusal(`Máy chủ nhúng đang chạy trên ${dataDir}: dừng npm start trước. / The embedded server is running: stop npm start first.`);
      const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
      if ((occupied || replacedFiles.length) && !force) refuse([occupied ? dataDir : '', ...replacedFiles].filter(Boolean).join(', '));
      const staging = `${dataDir}.restoring-${process.pid}`;
      await rm(staging, { recursive: true, force: true });
      await mkdir(dirname(dataDir), { recursive: true });
      try {
        await placeBaseBackup(backupDir, staging);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw error;
      }
      if (occupied) {
        await rename(dataDir, `${dataDir}${aside}`);
        say(`Cụm cũ được giữ ở / the former cluster is kept at ${dataDir}${aside}`);
      } else await rm(dataDir, { recursive: true, force: true });
      await rename(staging, dataDir);
    } else {
      if (!settings.url) throw new Refusal('Bản sao lưu này là pg_dump của một máy chủ ngoài: đặt DATABASE_URL tới cơ sở dữ liệu đích. / A dump restores into DATABASE_URL: set it.');
      const occupied = await holdsTables(settings.url);
      if ((occupied || replacedFiles.length) && !force) refuse([occupied ? 'DATABASE_URL' : '', ...replacedFiles].filter(Boolean).join(', '));
      await restoreDump(backupDir, manifest, settings.url, occupied, deps.env);
    }
    for (const moved of await restoreInstallationFiles(backupDir, deps.dataDir, aside)) say(`Tệp cũ được giữ ở / kept aside: ${join(deps.dataDir, moved)}`);

    const database = await startDatabase(settings, () => {}, { passwordsFile: join(deps.dataDir, 'database-passwords.json') });
    try {
      const problems = await contentProblems(database.url, manifest);
      // Then the grants (a dump carries none here) and any migration newer than the backup.
      await migrateDatabase(database.url);
      problems.push(...(await serviceProblems(database, manifest)));
      for (const problem of problems) say(`✗ ${problem}`);
      if (problems.length) return 1;
    } finally {
      await database.stop();
    }
    const rows = Object.values(manifest.census.tables).reduce((sum, count) => sum + count, 0);
    say(
      `Đã khôi phục bản sao lưu lúc ${manifest.createdAt} của ${manifest.source.database}: ${Object.keys(manifest.census.tables).length} bảng, ` +
        `${rows} dòng và ${manifest.census.auditHeads.length} chuỗi nhật ký khớp với bản sao lưu. / restored and checked against the manifest`,
    );
    say(
      'Lần chạy npm run audit:verify tới so với mốc kiểm tra gần nhất: các mục ghi sau lúc sao lưu sẽ hiện là bị cắt, đúng như đã mất. / ' +
        'The next audit:verify reports entries written after the backup as cut: they were lost (docs/operations.md#backup-and-restore).',
    );
    return 0;
  } catch (error) {
    say(`✗ ${error instanceof Refusal ? '' : 'khôi phục thất bại / restore failed: '}${(error as Error).message}`);
    return 1;
  }
}

if (import.meta.main) {
  assertNode24();
  process.exitCode = await restoreCommand(process.argv.slice(2), { dataDir: DATA_DIR, env: process.env, out: process.stdout });
}

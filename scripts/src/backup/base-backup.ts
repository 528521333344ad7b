import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SCHEMA_NAMES } from '@dangvu/drizzle';
import type postgres from 'postgres';
import { takeCensus, type Census } from './census.ts';

const run = promisify(execFile);

/**
 * The embedded server's backup is a base backup, the way pg_basebackup takes one, made with the server's own
 * functions and GNU tar: the embedded package ships no pg_dump, and the machine's (PostgreSQL 15) refuses a newer
 * server. It restores with the same binaries the server runs, so the version always matches.
 */
export const BASE_FILES = { base: 'base.tar.gz', wal: 'wal.tar.gz', label: 'backup_label', tablespaces: 'tablespace_map' };

/** What pg_basebackup leaves out of a cluster's files: rebuilt at start, or this server's alone. */
const UNANCHORED_EXCLUDES = ['pg_internal.init', 'pgsql_tmp*'];
const ANCHORED_EXCLUDES = [
  './postmaster.pid',
  './postmaster.opts',
  './backup_label',
  './tablespace_map',
  ...['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans'].map((dir) => `./${dir}/*`),
];

/** PostgreSQL's lock_not_available: the lock_timeout ran out. */
const LOCK_NOT_AVAILABLE = '55P03';
const LOCK_ATTEMPTS = 10;

/** tar exits 1 when a file changed while it was read, which a base backup expects: the WAL replay repairs it. */
async function tar(args: string[]): Promise<void> {
  try {
    await run('tar', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { code, stderr } = error as { code?: number; stderr?: string };
    if (code !== 1) throw new Error(`tar: ${stderr?.trim() || (error as Error).message}`, { cause: error });
  }
}

/** Is the cluster in `dataDir` running: its postmaster.pid names a live process. */
export function clusterRunning(dataDir: string): boolean {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Copies the running cluster of `dataDir` into `into` (as superuser `sql`, which needs two connections):
 * pg_backup_start, the files, then, with every platform table locked against writes (reads go on), the census
 * and pg_backup_stop, and the WAL from the backup's start to its end. A temporary replication slot keeps that
 * WAL from being recycled while the files are copied. The restored database is then exactly the census.
 */
export async function takeBaseBackup(sql: postgres.Sql, dataDir: string, into: string): Promise<Census> {
  const session = await sql.reserve();
  try {
    await session`select pg_create_physical_replication_slot(${`dangvu_backup_${process.pid}`}, true, true)`;
    const [started] = await session<{ first: string }[]>`select pg_walfile_name(pg_backup_start(${`dangvu ${new Date().toISOString()}`}, true)) as first`;
    await tar([
      '--create', '--gzip', `--file=${join(into, BASE_FILES.base)}`, `--directory=${dataDir}`,
      '--warning=no-file-changed', '--warning=no-file-removed', '--warning=no-file-shrank',
      '--no-anchored', ...UNANCHORED_EXCLUDES.map((pattern) => `--exclude=${pattern}`),
      '--anchored', ...ANCHORED_EXCLUDES.map((pattern) => `--exclude=${pattern}`),
      '.',
    ]);
    const tables = await sql<{ name: string }[]>`
      select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = any(${[...SCHEMA_NAMES, 'drizzle']})`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sql.begin(async (tx) => {
          // A queued lock holds up every writer behind it: wait briefly for a long transaction, then let go and try again.
          await tx`set local lock_timeout = '2s'`;
          await tx.unsafe(`lock table ${tables.map(({ name }) => name).join(', ')} in share mode`);
          const census = await takeCensus(tx);
          const [stopped] = await session<{ last: string; labelfile: string; spcmapfile: string }[]>`
            select pg_walfile_name(lsn) as last, labelfile, spcmapfile from pg_backup_stop(false)`;
          const wal = join(dataDir, 'pg_wal');
          const segments = (await readdir(wal)).filter((name) => /^[0-9A-F]{24}$/.test(name) && name >= started!.first && name <= stopped!.last).sort();
          await tar(['--create', '--gzip', `--file=${join(into, BASE_FILES.wal)}`, `--directory=${wal}`, ...segments]);
          await writeFile(join(into, BASE_FILES.label), stopped!.labelfile, { mode: 0o600 });
          if (stopped!.spcmapfile) await writeFile(join(into, BASE_FILES.tablespaces), stopped!.spcmapfile, { mode: 0o600 });
          return census;
        });
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt >= LOCK_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
      }
    }
  } finally {
    // Dropped with the session at the caller's sql.end(): the temporary slot, and a backup an error left unstopped.
    session.release();
  }
}

/**
 * Lays a base backup out as a cluster in `dataDir` (which must not exist): the files, the WAL into pg_wal, and
 * the backup label, from which the server, at its next start, replays the WAL to the backup's end.
 */
export async function placeBaseBackup(backupDir: string, dataDir: string): Promise<void> {
  await mkdir(dataDir, { mode: 0o700 });
  await tar(['--extract', '--gzip', `--file=${join(backupDir, BASE_FILES.base)}`, `--directory=${dataDir}`]);
  await mkdir(join(dataDir, 'pg_wal'), { recursive: true, mode: 0o700 });
  await tar(['--extract', '--gzip', `--file=${join(backupDir, BASE_FILES.wal)}`, `--directory=${join(dataDir, 'pg_wal')}`]);
  // Run as root, the files belong to the `postgres` system user the server runs as (tar keeps owners): so must these.
  const { uid, gid } = await stat(dataDir);
  for (const name of [BASE_FILES.label, BASE_FILES.tablespaces]) {
    if (!existsSync(join(backupDir, name))) continue;
    await writeFile(join(dataDir, name), readFileSync(join(backupDir, name)), { mode: 0o600 });
    await chown(join(dataDir, name), uid, gid);
  }
  await chown(join(dataDir, 'pg_wal'), uid, gid);
}

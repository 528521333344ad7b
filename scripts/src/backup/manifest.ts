import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Census } from './census.ts';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'dangvu-backup/1';

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  /**
   * `base-backup`: the embedded server's files and WAL (base.tar.gz, wal.tar.gz, backup_label), restored into
   * the embedded server. `pg_dump`: the database of DATABASE_URL's server (database.dump, custom format).
   */
  method: 'base-backup' | 'pg_dump';
  /** The server it came from, without credentials, and its version (`server_version`). */
  source: { database: string; version: string; major: number };
  /** The program that wrote the dump (pg_dump's --version) or, for a base backup, the server itself. */
  tool: { version: string; major: number };
  /** What the backup holds, counted in the very state it was taken in: a restore must find it again. */
  census: Census;
  /** The installation's files kept with it (installation/). */
  installationFiles: string[];
}

export const DUMP_FILE = 'database.dump';

export async function writeManifest(dir: string, manifest: Omit<BackupManifest, 'format'>): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify({ format: FORMAT, ...manifest }, null, 2)}\n`, { mode: 0o600 });
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  } catch (error) {
    throw new Error(`${dir} không phải bản sao lưu (không đọc được ${MANIFEST_FILE}) / not a backup: ${(error as Error).message}`, { cause: error });
  }
  if (manifest.format !== FORMAT) throw new Error(`${dir}: định dạng ${manifest.format} không được hỗ trợ / unsupported backup format`);
  return manifest;
}

import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What of the installation's .data a database is useless without: keys.json holds the keys that seal the
 * members' and transfers' secrets stored in the database, database-passwords.json the passwords the embedded
 * cluster and the services' roles open with. The verifier's folder holds the key that signs audit checkpoints.
 */
export const INSTALLATION_FILES = ['keys.json', 'database-passwords.json'] as const;
export const VERIFIER_DIR = 'verifier';

const saved = (backupDir: string) => join(backupDir, 'installation');

/** Copies the installation's files that exist into the backup; returns their names. */
export async function saveInstallationFiles(dataDir: string, backupDir: string): Promise<string[]> {
  await mkdir(saved(backupDir), { recursive: true, mode: 0o700 });
  const names: string[] = [];
  for (const name of [...INSTALLATION_FILES, VERIFIER_DIR]) {
    if (!existsSync(join(dataDir, name))) continue;
    await cp(join(dataDir, name), join(saved(backupDir), name), { recursive: true, preserveTimestamps: true });
    names.push(name);
  }
  return names;
}

/** The installation's files that exist and differ from the backup's: a restore would replace them. */
export async function replacedInstallationFiles(backupDir: string, dataDir: string): Promise<string[]> {
  const replaced: string[] = [];
  for (const name of INSTALLATION_FILES) {
    const [current, backup] = [join(dataDir, name), join(saved(backupDir), name)];
    if (!existsSync(current) || !existsSync(backup)) continue;
    if (!(await readFile(current)).equals(await readFile(backup))) replaced.push(name);
  }
  return replaced;
}

/**
 * Puts the backup's keys and passwords in place, each current file that differs moved aside first (named with
 * `aside`). The verifier's folder comes back only where there is none: the one in place holds the checkpoints
 * published since the backup, which are what shows the entries a restore lost. Returns what was moved aside.
 */
export async function restoreInstallationFiles(backupDir: string, dataDir: string, aside: string): Promise<string[]> {
  await mkdir(dataDir, { recursive: true });
  const moved: string[] = [];
  for (const name of await replacedInstallationFiles(backupDir, dataDir)) {
    await rename(join(dataDir, name), join(dataDir, `${name}${aside}`));
    moved.push(`${name}${aside}`);
  }
  for (const name of INSTALLATION_FILES) {
    if (existsSync(join(saved(backupDir), name))) await cp(join(saved(backupDir), name), join(dataDir, name), { preserveTimestamps: true });
  }
  if (existsSync(join(saved(backupDir), VERIFIER_DIR)) && !existsSync(join(dataDir, VERIFIER_DIR))) {
    await cp(join(saved(backupDir), VERIFIER_DIR), join(dataDir, VERIFIER_DIR), { recursive: true, preserveTimestamps: true });
  }
  return moved;
}

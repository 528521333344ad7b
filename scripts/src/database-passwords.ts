import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { generatePassword, SERVICE_NAMES, type ServicePasswords } from '@dangvu/drizzle';

export interface DatabasePasswords {
  /** The embedded server's superuser: migrations, seeding, audit:verify. Never handed to a service. */
  superuser: string;
  /** Each subgraph's own role (drizzle/src/roles.ts). */
  services: ServicePasswords;
}

/**
 * The installation's database passwords, made on first use and kept readable by the owner only, like the
 * signing keys: a password added later (a new subgraph) is made and kept the same way.
 */
export async function loadOrCreateDatabasePasswords(file: string): Promise<DatabasePasswords> {
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Partial<DatabasePasswords>) : {};
  const passwords: DatabasePasswords = {
    superuser: kept.superuser ?? generatePassword(),
    services: Object.fromEntries(SERVICE_NAMES.map((service) => [service, kept.services?.[service] ?? generatePassword()])) as ServicePasswords,
  };
  if (JSON.stringify(passwords) !== JSON.stringify({ superuser: kept.superuser, services: kept.services })) {
    // Written aside and renamed into place: a half-written file would lock the installation out of its own server.
    // On a new installation whose database is external (DATABASE_URL) nothing has made the data folder yet.
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, JSON.stringify(passwords, null, 2), { mode: 0o600 });
    await rename(partial, file);
  }
  return passwords;
}

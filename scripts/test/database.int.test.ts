import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NAMES, startEmbeddedPostgres } from '@dangvu/drizzle';
import { freePort, withDatabase } from '@dangvu/drizzle/testing';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startDatabase, type DatabaseSettings } from '../src/database.ts';

/** An installation's .data: open to others, as the `postgres` system user must reach the cluster inside when run as root. */
const made: string[] = [];
async function installationDir() {
  const dir = await mkdtemp(join(tmpdir(), 'dangvu-install-'));
  await chmod(dir, 0o755);
  made.push(dir);
  return dir;
}
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const whoAmI = async (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ user: string }[]>`select current_user as user`;
    return row!.user;
  } finally {
    await sql.end();
  }
};

describe('the embedded database of an installation', () => {
  it('gets a superuser password of its own, kept readable by the owner only, and a role per subgraph', async () => {
    const dir = await installationDir();
    const settings: DatabaseSettings = { url: undefined, embedded: { port: await freePort(), dataDir: join(dir, 'postgres') } };
    const passwordsFile = join(dir, 'database-passwords.json');
    const database = await startDatabase(settings, () => {}, { passwordsFile });
    try {
      const kept = JSON.parse(await readFile(passwordsFile, 'utf8')) as { superuser: string; services: Record<string, string> };
      expect((await stat(passwordsFile)).mode & 0o077).toBe(0);
      expect(kept.superuser).toMatch(/^[\w-]{40,}$/);
      expect(new URL(database.url).password).toBe(kept.superuser);
      for (const service of SERVICE_NAMES) expect(await whoAmI(database.serviceUrl(service))).toBe(`dangvu_${service}`);
    } finally {
      await database.stop();
    }
    const again = await startDatabase(settings, () => {}, { passwordsFile });
    await again.stop();
    expect(again.url).toBe(database.url);
  }, 120_000);

  it('replaces the fixed password a cluster made before had, which then no longer opens it', async () => {
    const dir = await installationDir();
    const settings: DatabaseSettings = { url: undefined, embedded: { port: await freePort(), dataDir: join(dir, 'postgres') } };
    const before = await startEmbeddedPostgres({ ...settings.embedded, persistent: true, password: 'dangvu-local' });
    const formerUrl = before.adminUrl;
    await before.stop();

    const database = await startDatabase(settings, () => {}, { passwordsFile: join(dir, 'database-passwords.json') });
    try {
      expect(await whoAmI(database.url)).toBe('postgres');
      await expect(whoAmI(formerUrl)).rejects.toThrow(/password authentication failed/);
    } finally {
      await database.stop();
    }
  }, 120_000);

  it("given a DATABASE_URL whose user may not change roles, needs each role's own password, and says where it goes", async () => {
    const dir = await installationDir();
    const embedded: DatabaseSettings = { url: undefined, embedded: { port: await freePort(), dataDir: join(dir, 'postgres') } };
    const administrator = await startDatabase(embedded, () => {}, { passwordsFile: join(dir, 'database-passwords.json') });
    try {
      const admin = postgres(administrator.url, { max: 1, onnotice: () => {} });
      await admin`create role plain_owner login createdb nocreaterole password 'plain-owner-password'`;
      await admin`create database plain owner plain_owner`;
      await admin.end();
      const url = Object.assign(new URL(withDatabase(administrator.url, 'plain')), { username: 'plain_owner', password: 'plain-owner-password' }).toString();
      const elsewhere = join(await installationDir(), 'database-passwords.json');
      await expect(startDatabase({ ...embedded, url }, () => {}, { passwordsFile: elsewhere })).rejects.toThrow(
        'ghi mật khẩu đó vào services.organization trong .data/database-passwords.json',
      );
      await writeFile(elsewhere, await readFile(join(dir, 'database-passwords.json')));
      const external = await startDatabase({ ...embedded, url }, () => {}, { passwordsFile: elsewhere });
      expect(external.origin).toBe('DATABASE_URL');
      expect(await whoAmI(external.serviceUrl('dues'))).toBe('dangvu_dues');
    } finally {
      await administrator.stop();
    }
  }, 120_000);
});

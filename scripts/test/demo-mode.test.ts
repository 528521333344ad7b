import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '@dangvu/drizzle';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '@dangvu/drizzle/seed';
import { freePort, withDatabase } from '@dangvu/drizzle/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordErrors } from '../../subgraphs/members/src/account/password.rules.ts';
import { prepareForStart } from '../src/demo-mode.ts';

// This package's tests have no shared database set-up: this file starts its own server (or uses TEST_DATABASE_URL's).
let server: EmbeddedServer | null = null;
let adminUrl: string;
beforeAll(async () => {
  const external = process.env.TEST_DATABASE_URL;
  server = external ? null : await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'dangvu-demo-mode-')), port: await freePort(), persistent: false });
  adminUrl = external ?? server!.adminUrl;
}, 120_000);
afterAll(() => server?.stop());

/** A new empty database on the test server, and what npm start then finds in it. */
async function emptyDatabase(suffix: string) {
  const name = `dangvu_demo_mode_${suffix}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}"`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  return {
    url,
    async contents() {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [organizations] = await sql<{ count: string }[]>`select count(*) from organization.organizations`;
        const accounts = await sql<{ username: string }[]>`select username from members.accounts`;
        return { organizations: Number(organizations!.count), usernames: accounts.map((a) => a.username) };
      } finally {
        await sql.end();
      }
    },
  };
}

describe('npm start on an empty database', () => {
  it('loads the demo province and its accounts into the embedded server', async () => {
    const database = await emptyDatabase('embedded');
    const seeded = await prepareForStart({ url: database.url, origin: 'embedded' }, 200);
    expect(seeded?.members).toBe(200);
    const { organizations, usernames } = await database.contents();
    expect(organizations).toBeGreaterThan(0);
    expect(usernames).toEqual(expect.arrayContaining(DEMO_USERNAMES.map(([, username]) => username)));
  }, 60_000);

  it('migrates a database given by DATABASE_URL but loads no demo data, nor its published password, into it', async () => {
    const database = await emptyDatabase('external');
    expect(await prepareForStart({ url: database.url, origin: 'DATABASE_URL' }, 200)).toBeNull();
    expect(await database.contents()).toEqual({ organizations: 0, usernames: [] });
  }, 60_000);
});

describe('the demo password', () => {
  it('meets the password policy members are held to, for every demo account', () => {
    for (const [, username] of DEMO_USERNAMES) expect(passwordErrors(DEMO_PASSWORD, username), username).toEqual([]);
  });
});

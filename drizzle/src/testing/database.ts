import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { serviceDatabaseUrl } from '../roles.ts';
import type { ServiceName } from '../schema/names.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  /** As the tables' owner: for fixtures, and for what only the owner may do. */
  url: string;
  /** As a subgraph's own role, the way its process connects in production. */
  serviceUrl(service: ServiceName): string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `dangvu_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${inject('databaseTemplate')}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const passwords = inject('servicePasswords');
  return {
    url,
    serviceUrl: (service) => serviceDatabaseUrl(url, service, passwords[service]),
    async drop() {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

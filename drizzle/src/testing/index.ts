export { createTestDatabase, type TestDatabase } from './database.ts';
export { freePort, testServicePasswords, withDatabase } from './global-setup.ts';
export { assertNode24 } from './node-version.ts';
export { buildAccount, buildMember, buildOrganization, grantRole } from './builders.ts';
export { startDatabaseProxy, type DatabaseProxy } from './database-proxy.ts';

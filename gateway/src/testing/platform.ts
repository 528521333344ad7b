import { randomBytes } from 'node:crypto';
import { createDb } from '@dangvu/drizzle';
import { seedDemoData, type DemoAccount, type SeedResult } from '@dangvu/drizzle/seed';
import { createTestDatabase, startDatabaseProxy, type DatabaseProxy, type TestDatabase } from '@dangvu/drizzle/testing';
import type { SubgraphName } from '@dangvu/schema';
import { duesSubgraph } from '@dangvu/subgraph-dues';
import {
  createSubgraph,
  generateSigningKeys,
  importKey,
  runOutboxConsumer,
  silentLogger,
  type RequestContext,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@dangvu/subgraph-kit';
import { membersKeys, membersSubgraph } from '@dangvu/subgraph-members';
import { organizationSubgraph } from '@dangvu/subgraph-organization';
import { transfersSubgraph } from '@dangvu/subgraph-transfers';
import type { CryptoKey } from 'jose';
import { loadGatewayConfig } from '../config.ts';
import { createGateway } from '../server.ts';

export interface TestPlatform {
  gatewayUrl: string;
  databaseUrl: string;
  accounts: DemoAccount[];
  seed: SeedResult;
  demo: { member: { username: string; password: string; fullName: string; cellName: string; secretaryName: string } };
  /** Each subgraph's own endpoint, to check that it refuses calls that bypass the gateway. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Signs subgraph calls as the gateway does. */
  gatewaySigningKey: CryptoKey;
  /** Signs access tokens as login would, for tests of expiry and grants. */
  authSigningKey: CryptoKey;
  /** The variables the gateway was configured with: another gateway (the bench's Hive Gateway) can serve the same subgraphs with them. */
  gatewayEnv: Record<string, string>;
  /** Counts SQL statements the subgraphs send while serving requests, for N+1 checks (outbox consumers poll uncounted). */
  queries: { count: number };
  /** Stops one subgraph for good, as a crashed process would be gone, for tests of the gateway without it. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** With `databaseOutages`: cuts and restores the subgraphs' way to the database. */
  database: Pick<DatabaseProxy, 'stop' | 'start'> | null;
  stop(): Promise<void>;
}

export interface TestPlatformOptions {
  members?: number;
  production?: boolean;
  /**
   * Gateway variables over the test defaults. Those lift the credential-attempt limits, since test files sign
   * in many times from one address; a test of the limits sets its own.
   */
  gatewayEnv?: Record<string, string>;
  /** The subgraphs reach the database through a relay the test can cut (`platform.database`), and /readyz asks it. */
  databaseOutages?: boolean;
  /** A migrated, empty database of the caller's instead of a copy of the test template (a script outside vitest). */
  database?: TestDatabase;
}

const UNTHROTTLED = { CREDENTIAL_ATTEMPTS_PER_ADDRESS: '100000', CREDENTIAL_ATTEMPTS_PER_ACCOUNT: '100000' };

/**
 * The whole back end for one test file, for real: a fresh seeded database, the four subgraphs and the
 * gateway on free loopback ports, talking HTTP with signed calls, in this process. Call from a file run
 * under `dangvuVitestConfig` (it provides the PostgreSQL server).
 */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const database = options.database ?? (await createTestDatabase());
  const queries = { count: 0 };
  const proxy = options.databaseOutages ? await startDatabaseProxy(database.url) : null;
  const servicesUrl = proxy ? proxy.url(database.url) : database.url;
  const db = createDb(servicesUrl, { max: 8, onQuery: () => queries.count++ });
  // The consumers poll every 50 ms: on the counted pool they would add statements to whatever a test counts.
  const consumersDb = createDb(servicesUrl, { max: 2 });
  const seed = await seedDemoData(db.sql, { members: options.members ?? 200 });
  const [auth, gatewayKeys] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
  const gatewayPublicKey = await importKey(gatewayKeys.publicJwk);
  const authSigningKey = await importKey(auth.privateJwk);
  const consumers: { stop(): Promise<void> }[] = [];
  const start = async <C extends RequestContext>(definition: SubgraphDefinition<C>) => {
    for (const consumer of definition.consumers ?? []) consumers.push(runOutboxConsumer(consumersDb.db, consumer, silentLogger, 50));
    const subgraph = await createSubgraph(definition, {
      gatewayPublicKey,
      production: options.production ?? true,
      log: silentLogger,
      ready: async () => !proxy || (await db.sql`select 1 as ok`).length === 1,
      db: db.db,
    });
    return subgraph.listen(0, '127.0.0.1');
  };
  const subgraphs: Record<SubgraphName, RunningSubgraph> = {
    organization: await start(organizationSubgraph(db)),
    members: await start(membersSubgraph(db, await membersKeys({ authPrivateKey: auth.privateJwk, secretsKey: randomBytes(32) }))),
    dues: await start(duesSubgraph(db)),
    transfers: await start(transfersSubgraph(db)),
  };
  const gatewayEnv = {
    NODE_ENV: options.production === false ? 'development' : 'production',
    AUTH_PUBLIC_KEY: JSON.stringify(auth.publicJwk),
    GATEWAY_PRIVATE_KEY: JSON.stringify(gatewayKeys.privateJwk),
    ORGANIZATION_URL: subgraphs.organization.url,
    MEMBERS_URL: subgraphs.members.url,
    DUES_URL: subgraphs.dues.url,
    TRANSFERS_URL: subgraphs.transfers.url,
    ...UNTHROTTLED,
    ...options.gatewayEnv,
  };
  const config = loadGatewayConfig(gatewayEnv);
  const gateway = await (await createGateway(config, silentLogger)).listen(0, '127.0.0.1');
  const member = seed.accounts.find((account) => account.role === 'MEMBER')!;
  const stopped = new Set<SubgraphName>();
  return {
    gatewayUrl: gateway.url,
    databaseUrl: database.url,
    accounts: seed.accounts,
    seed,
    demo: {
      member: {
        username: member.username,
        password: member.password,
        fullName: member.fullName,
        cellName: seed.demoCell.name,
        secretaryName: seed.demoCell.secretaryName,
      },
    },
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<SubgraphName, string>,
    gatewaySigningKey: await importKey(gatewayKeys.privateJwk),
    authSigningKey,
    gatewayEnv,
    queries,
    database: proxy,
    async stopSubgraph(name) {
      if (stopped.has(name)) return;
      stopped.add(name);
      await subgraphs[name].stop();
    },
    async stop() {
      // A round still polling would write on a connection being closed: wait for it first.
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await gateway.stop();
      for (const [name, subgraph] of Object.entries(subgraphs)) if (!stopped.has(name as SubgraphName)) await subgraph.stop();
      await Promise.all([db.close(), consumersDb.close()]);
      await proxy?.close();
      await database.drop();
    },
  };
}

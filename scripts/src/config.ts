import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIN_MEMBERS } from '@dangvu/drizzle/seed';
import { DEFAULT_PORTS, host, integer, jwk, perSubgraph, port, portVariable, postgresUrl, text, variable } from '@dangvu/subgraph-kit';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where `npm start` keeps what must survive a restart: the embedded server's files and the signing keys. */
export const DATA_DIR = join(ROOT, '.data');

/** What chooses the database: the whole configuration of `npm run seed`, `npm run job` and `npm run audit:verify`. */
export const databaseConfig = (dataDir: string) => ({
  /** An existing PostgreSQL 15+ server; unset, an embedded one is started. */
  url: variable('DATABASE_URL', postgresUrl.optional()),
  embedded: {
    port: variable('EMBEDDED_PG_PORT', port(54329)),
    dataDir: variable('EMBEDDED_PG_DATA_DIR', text.default(join(dataDir, 'postgres'))),
  },
});

const overridingKey = (name: string) => variable(name, jwk.optional());

/** Everything `npm start` reads; the services it launches read their own (see .env.example). */
export const startConfig = {
  /** The one address every service listens on and calls the others at. */
  host: variable('HOST', host),
  ports: {
    web: variable(portVariable('web'), port(DEFAULT_PORTS.web)),
    gateway: variable(portVariable('gateway'), port(DEFAULT_PORTS.gateway)),
    subgraphs: perSubgraph((name) => variable(portVariable(name), port(DEFAULT_PORTS[name]))),
  },
  database: databaseConfig(DATA_DIR),
  /** The size of the demo province loaded into an empty database. */
  seed: { members: variable('SEED_MEMBERS', integer(3000, { min: MIN_MEMBERS, max: 10_000_000 })) },
  /** Keys set here win over the ones made on first start and kept in .data/keys.json. */
  keys: {
    auth: { privateJwk: overridingKey('AUTH_PRIVATE_KEY'), publicJwk: overridingKey('AUTH_PUBLIC_KEY') },
    gateway: { privateJwk: overridingKey('GATEWAY_PRIVATE_KEY'), publicJwk: overridingKey('GATEWAY_PUBLIC_KEY') },
    /** Passed on as it is: the members subgraph checks its form. */
    membersSecrets: variable('MEMBERS_SECRETS_KEY', text.optional()),
    transfersSecrets: variable('TRANSFERS_SECRETS_KEY', text.optional()),
  },
};

import { describe, expect, it } from 'vitest';
import { ConfigError, declaredVariables, integer, jwk, loadConfig, mode, port, postgresUrl, variable } from './config.ts';
import { DEFAULT_PORTS, SUBGRAPH_NAMES } from './platform.ts';
import { loadSubgraphConfig, subgraphConfig } from './subgraph-config.ts';

const spec = {
  http: { port: variable('GATEWAY_PORT', port(4000)) },
  database: { url: variable('DATABASE_URL', postgresUrl) },
  keys: { authPublicKey: variable('AUTH_PUBLIC_KEY', jwk) },
  mode: variable('NODE_ENV', mode),
};
const KEY = '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives a nested camelCase object, with defaults for what is unset', () => {
    const config = loadConfig(spec, { DATABASE_URL: 'postgres://localhost/dangvu', AUTH_PUBLIC_KEY: KEY });
    expect(config).toEqual({
      http: { port: 4000 },
      database: { url: 'postgres://localhost/dangvu' },
      keys: { authPublicKey: JSON.parse(KEY) },
      mode: 'production',
    });
  });

  it('reads numbers and choices from their text', () => {
    const config = loadConfig(spec, { GATEWAY_PORT: '8080', NODE_ENV: 'development', DATABASE_URL: 'postgresql://db/x', AUTH_PUBLIC_KEY: KEY });
    expect(config.http.port).toBe(8080);
    expect(config.mode).toBe('development');
  });

  it('takes an empty value as unset, so the default applies', () => {
    expect(loadConfig(spec, { GATEWAY_PORT: '', DATABASE_URL: 'postgres://x/y', AUTH_PUBLIC_KEY: KEY }).http.port).toBe(4000);
  });

  it('reports every bad variable together, each by its name', () => {
    const error = problemsOf(() =>
      loadConfig(spec, { GATEWAY_PORT: '99999', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', AUTH_PUBLIC_KEY: 'not json' }),
    );
    expect(error.problems.map(({ variable }) => variable)).toEqual(['GATEWAY_PORT', 'DATABASE_URL', 'AUTH_PUBLIC_KEY', 'NODE_ENV']);
    expect(error.message).toMatch(/GATEWAY_PORT: phải là số nguyên từ 1 đến 65535/);
    expect(error.message).toMatch(/DATABASE_URL: phải là URL postgres:\/\//);
    expect(error.message).toMatch(/NODE_ENV: phải là production, development hoặc test/);
  });

  it('says that a required variable is not set, rather than how its type failed', () => {
    const error = problemsOf(() => loadConfig(spec, { AUTH_PUBLIC_KEY: KEY }));
    expect(error.problems).toEqual([{ variable: 'DATABASE_URL', message: 'chưa đặt / not set' }]);
  });

  it('refuses JSON that is not a key', () => {
    const error = problemsOf(() => loadConfig(spec, { DATABASE_URL: 'postgres://x/y', AUTH_PUBLIC_KEY: '{"x":1}' }));
    expect(error.problems).toEqual([{ variable: 'AUTH_PUBLIC_KEY', message: 'phải là JSON Web Key dạng JSON / must be a JSON Web Key in JSON' }]);
  });

  it('refuses a fraction or a number out of range', () => {
    const count = { sockets: variable('GATEWAY_MAX_SOCKETS', integer(64, { min: 1, max: 1024 })) };
    expect(loadConfig(count, {}).sockets).toBe(64);
    for (const bad of ['1.5', '0', '2000', 'many']) {
      expect(problemsOf(() => loadConfig(count, { GATEWAY_MAX_SOCKETS: bad })).problems).toHaveLength(1);
    }
  });

  it('lists the variables a spec declares, in order', () => {
    expect(declaredVariables(spec).map(({ name }) => name)).toEqual(['GATEWAY_PORT', 'DATABASE_URL', 'AUTH_PUBLIC_KEY', 'NODE_ENV']);
  });
});

describe('subgraphConfig', () => {
  const env = { DATABASE_URL: 'postgres://localhost/dangvu', GATEWAY_PUBLIC_KEY: KEY };

  it('listens on the subgraph’s own port variable, defaulting to the platform table', () => {
    for (const name of SUBGRAPH_NAMES) {
      const config = loadSubgraphConfig(subgraphConfig(name), env);
      expect(config).toEqual({
        http: { host: '127.0.0.1', port: DEFAULT_PORTS[name] },
        database: { url: 'postgres://localhost/dangvu' },
        keys: { gatewayPublicKey: JSON.parse(KEY) },
        mode: 'production',
      });
    }
    expect(loadSubgraphConfig(subgraphConfig('dues'), { ...env, DUES_PORT: '5003', MEMBERS_PORT: '5002' }).http.port).toBe(5003);
  });

  it('adds a subgraph’s extras to the shared sections and reads them in the same pass', () => {
    const members = subgraphConfig('members', { keys: { authPrivateKey: variable('AUTH_PRIVATE_KEY', jwk) } });
    expect(loadSubgraphConfig(members, { ...env, AUTH_PRIVATE_KEY: KEY }).keys).toEqual({
      gatewayPublicKey: JSON.parse(KEY),
      authPrivateKey: JSON.parse(KEY),
    });
    const error = problemsOf(() => loadSubgraphConfig(members, { MEMBERS_PORT: 'x' }));
    expect(error.problems.map(({ variable }) => variable)).toEqual(['MEMBERS_PORT', 'DATABASE_URL', 'GATEWAY_PUBLIC_KEY', 'AUTH_PRIVATE_KEY']);
  });

  it('gives each subgraph a port of its own', () => {
    const ports = Object.values(DEFAULT_PORTS);
    expect(new Set(ports).size).toBe(ports.length);
  });
});

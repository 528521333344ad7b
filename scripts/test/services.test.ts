import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORTS, declaredVariables, type ConfigSpec, type ProcessName } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { gatewayConfig } from '../../gateway/src/config.ts';
import { duesConfig } from '../../subgraphs/dues/src/config.ts';
import { membersConfig } from '../../subgraphs/members/src/config.ts';
import { organizationConfig } from '../../subgraphs/organization/src/config.ts';
import { transfersConfig } from '../../subgraphs/transfers/src/config.ts';
import { keyEnvironment, loadOrCreateKeys } from '../src/keys.ts';
import { HEAP_FLAGS, serviceSpecs, type KeyVariable } from '../src/services.ts';

/** Every key npm start makes, each replaced by a stand-in named after its variable, so a test can tell them apart. */
const made = await loadOrCreateKeys(join(await mkdtemp(join(tmpdir(), 'dangvu-keys-')), 'keys.json'));
const keys = Object.fromEntries(Object.keys(keyEnvironment(made, {})).map((name) => [name, `<${name}>`])) as Record<KeyVariable, string>;
const KEY_NAMES = Object.keys(keys);

const plan = (inherited: NodeJS.ProcessEnv = {}, host = '127.0.0.1') =>
  serviceSpecs({ dev: false, node: '/usr/bin/node', host, ports: { ...DEFAULT_PORTS }, databaseUrl: (subgraph) => `postgres://dangvu_${subgraph}@db/dangvu`, keys, inherited });
const envOf = (name: ProcessName, inherited?: NodeJS.ProcessEnv) => plan(inherited).find((service) => service.name === name)!.env;
const keysHandedTo = (name: ProcessName, inherited?: NodeJS.ProcessEnv) => KEY_NAMES.filter((key) => key in envOf(name, inherited)).sort();

const CONFIGS: Record<ProcessName, ConfigSpec> = {
  organization: organizationConfig.variables,
  members: membersConfig.variables,
  dues: duesConfig.variables,
  transfers: transfersConfig.variables,
  gateway: gatewayConfig,
  web: {},
};

describe('the environment npm start gives each process', () => {
  it('hands the access-token signing key and the secrets key to the members subgraph alone', () => {
    expect(keysHandedTo('members')).toEqual(['AUTH_PRIVATE_KEY', 'GATEWAY_PUBLIC_KEY', 'MEMBERS_SECRETS_KEY']);
    expect(envOf('members').AUTH_PRIVATE_KEY).toBe('<AUTH_PRIVATE_KEY>');
    for (const other of ['organization', 'dues', 'transfers', 'gateway', 'web'] as const) {
      expect(envOf(other)).not.toHaveProperty('AUTH_PRIVATE_KEY');
      expect(envOf(other)).not.toHaveProperty('MEMBERS_SECRETS_KEY');
    }
  });

  it('hands the gateway’s signing key to the gateway alone, and the other subgraphs only its public key', () => {
    expect(keysHandedTo('gateway')).toEqual(['AUTH_PUBLIC_KEY', 'GATEWAY_PRIVATE_KEY']);
    for (const subgraph of ['organization', 'dues'] as const) expect(keysHandedTo(subgraph)).toEqual(['GATEWAY_PUBLIC_KEY']);
    // The transfers subgraph also seals its own secrets (its actors' signing keys), with a key of its own.
    expect(keysHandedTo('transfers')).toEqual(['GATEWAY_PUBLIC_KEY', 'TRANSFERS_SECRETS_KEY']);
    expect(keysHandedTo('web')).toEqual([]);
  });

  it('gives each process exactly the keys its config module reads', () => {
    for (const [name, spec] of Object.entries(CONFIGS) as [ProcessName, ConfigSpec][]) {
      const reads = declaredVariables(spec)
        .map(({ name: variable }) => variable)
        .filter((variable) => KEY_NAMES.includes(variable));
      expect(keysHandedTo(name), name).toEqual([...new Set(reads)].sort());
    }
  });

  it('passes no key or database URL of its own environment on to a process not meant to have it', () => {
    const inherited = { PATH: '/usr/bin', AUTH_PRIVATE_KEY: 'operator’s key', GATEWAY_PRIVATE_KEY: 'operator’s key', DATABASE_URL: 'postgres://x' };
    expect(envOf('dues', inherited)).toMatchObject({ PATH: '/usr/bin', GATEWAY_PUBLIC_KEY: '<GATEWAY_PUBLIC_KEY>', DATABASE_URL: 'postgres://dangvu_dues@db/dangvu' });
    expect(keysHandedTo('dues', inherited)).toEqual(['GATEWAY_PUBLIC_KEY']);
    expect(envOf('web', inherited)).not.toHaveProperty('DATABASE_URL');
    expect(envOf('gateway', inherited)).not.toHaveProperty('DATABASE_URL');
    // What the launcher was given reaches its one reader as the launcher resolved it.
    expect(envOf('members', inherited).AUTH_PRIVATE_KEY).toBe('<AUTH_PRIVATE_KEY>');
  });

  it('gives the database only to the subgraphs, each connecting as its own role', () => {
    const urls = Object.fromEntries(plan().flatMap((service) => (service.env.DATABASE_URL ? [[service.name, service.env.DATABASE_URL]] : [])));
    expect(urls).toEqual({
      organization: 'postgres://dangvu_organization@db/dangvu',
      members: 'postgres://dangvu_members@db/dangvu',
      dues: 'postgres://dangvu_dues@db/dangvu',
      transfers: 'postgres://dangvu_transfers@db/dangvu',
    });
  });

  it('has the gateway believe the client address the web server forwards from where it runs', () => {
    const trustedBy = (host: string, inherited: NodeJS.ProcessEnv = {}) =>
      plan(inherited, host).find((service) => service.name === 'gateway')!.env.GATEWAY_TRUSTED_PROXIES;
    expect(trustedBy('127.0.0.1')).toBe('127.0.0.1,::1');
    expect(trustedBy('0.0.0.0')).toBe('127.0.0.1,::1');
    expect(trustedBy('192.168.1.20')).toBe('127.0.0.1,::1,192.168.1.20');
    expect(trustedBy('192.168.1.20', { GATEWAY_TRUSTED_PROXIES: '10.0.0.0/8' })).toBe('10.0.0.0/8');
  });

  it('starts every subgraph and the gateway with its heap sized for the process, before its entry point', () => {
    for (const dev of [false, true]) {
      const specs = serviceSpecs({ dev, node: '/usr/bin/node', host: '127.0.0.1', ports: { ...DEFAULT_PORTS }, databaseUrl: () => 'postgres://db/dangvu', keys, inherited: {} });
      for (const name of ['organization', 'members', 'dues', 'transfers', 'gateway'] as const) {
        const { args } = specs.find((service) => service.name === name)!;
        expect(args.slice(0, HEAP_FLAGS[name].length)).toEqual(HEAP_FLAGS[name]);
        expect(args.at(-1)).toBe('src/index.ts');
      }
    }
  });
});

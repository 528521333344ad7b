import { isIP } from 'node:net';
import { join } from 'node:path';
import { graphqlUrl, portVariable, SUBGRAPH_NAMES, subgraphUrlVariable, type ProcessName, type SubgraphName } from '@dangvu/subgraph-kit';
import { ROOT } from './config.ts';
import type { keyEnvironment } from './keys.ts';
import type { ServiceSpec } from './supervisor.ts';

export type KeyVariable = keyof ReturnType<typeof keyEnvironment>;

/**
 * The keys each process is handed, and no other: only the members subgraph can sign access tokens and only
 * the gateway can sign subgraph calls, so a compromised dues service mints nothing (docs/operations.md#keys-per-process).
 * A process's config module declares the same list (scripts/test/services.test.ts holds the two together).
 */
export const KEYS_OF: Readonly<Record<ProcessName, readonly KeyVariable[]>> = {
  organization: ['GATEWAY_PUBLIC_KEY'],
  members: ['GATEWAY_PUBLIC_KEY', 'AUTH_PRIVATE_KEY', 'MEMBERS_SECRETS_KEY'],
  dues: ['GATEWAY_PUBLIC_KEY'],
  transfers: ['GATEWAY_PUBLIC_KEY', 'TRANSFERS_SECRETS_KEY'],
  gateway: ['GATEWAY_PRIVATE_KEY', 'AUTH_PUBLIC_KEY'],
  web: [],
};

export interface LaunchPlan {
  dev: boolean;
  /** The Node 24 executable every service runs on. */
  node: string;
  host: string;
  ports: Record<ProcessName, number>;
  /** Each subgraph's database URL, as its own role (PlatformDatabase.serviceUrl). */
  databaseUrl(subgraph: SubgraphName): string;
  /** Every key, by the variable its reader takes it from (keyEnvironment). */
  keys: Record<KeyVariable, string>;
  /** The launcher's own environment: what a service inherits, less the secrets it is not handed. */
  inherited: NodeJS.ProcessEnv;
}

/** Variables a child never inherits from the launcher: it gets them from its spec, or not at all. */
function withoutSecrets(env: NodeJS.ProcessEnv, keys: Record<KeyVariable, string>): Record<string, string> {
  const secret = new Set<string>([...Object.keys(keys), 'DATABASE_URL']);
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !secret.has(entry[0])));
}

/**
 * The gateway believes the client address the web server forwards (docs/operations.md#client-addresses): the
 * web server calls it from loopback, or from HOST when that is one address of this machine's.
 */
function webServerAddresses(host: string, inherited: NodeJS.ProcessEnv): string {
  if (inherited.GATEWAY_TRUSTED_PROXIES) return inherited.GATEWAY_TRUSTED_PROXIES;
  const own = isIP(host) !== 0 && !['0.0.0.0', '::', '127.0.0.1', '::1'].includes(host) ? [host] : [];
  return ['127.0.0.1', '::1', ...own].join(',');
}

/**
 * V8 sizes a process's heap for the machine, not for the process: on a 24 GiB machine every service grew to
 * 350–440 MB resident under load, mostly garbage that young semi-spaces of V8's default size let pile up
 * between collections. Smaller semi-spaces collect it sooner, in scavenges that stay short; the gateway, whose
 * live heap is a small fraction of it, also gets an old-space ceiling, which makes V8 collect before it grows.
 * Measured in docs/benchmarks.md#memory; a process that needs more is given it here.
 */
export const HEAP_FLAGS: Readonly<Record<Exclude<ProcessName, 'web'>, readonly string[]>> = {
  organization: ['--max-semi-space-size=4'],
  members: ['--max-semi-space-size=4'],
  dues: ['--max-semi-space-size=4'],
  transfers: ['--max-semi-space-size=4'],
  gateway: ['--max-semi-space-size=4', '--max-old-space-size=192'],
};

/** Each process `npm start` runs, with its whole environment. */
export function serviceSpecs(plan: LaunchPlan): ServiceSpec[] {
  const { dev, node, host, ports } = plan;
  const base = { ...withoutSecrets(plan.inherited, plan.keys), NODE_ENV: dev ? 'development' : 'production', HOST: host };
  const keysOf = (name: ProcessName) => Object.fromEntries(KEYS_OF[name].map((variable) => [variable, plan.keys[variable]]));
  const entry = (name: Exclude<ProcessName, 'web'>) => [...HEAP_FLAGS[name], ...(dev ? ['--watch'] : []), 'src/index.ts'];
  return [
    ...SUBGRAPH_NAMES.map((name) => ({
      name,
      command: node,
      args: entry(name),
      cwd: join(ROOT, 'subgraphs', name),
      env: {
        ...base,
        ...keysOf(name),
        DATABASE_URL: plan.databaseUrl(name),
        [portVariable(name)]: String(ports[name]),
        // The letter's QR code opens the dossier's page in the web app this launcher starts.
        ...(name === 'transfers' ? { TRANSFERS_PUBLIC_ORIGIN: `http://${host === '127.0.0.1' ? 'localhost' : host}:${ports.web}` } : {}),
      },
    })),
    {
      name: 'gateway',
      command: node,
      args: entry('gateway'),
      cwd: join(ROOT, 'gateway'),
      env: {
        ...base,
        ...keysOf('gateway'),
        [portVariable('gateway')]: String(ports.gateway),
        GATEWAY_TRUSTED_PROXIES: webServerAddresses(host, plan.inherited),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), graphqlUrl(ports[name], host)])),
      },
    },
    {
      name: 'web',
      command: node,
      args: dev
        ? [join(ROOT, 'node_modules/vite/bin/vite.js'), 'dev', '--host', host, '--port', String(ports.web), '--strictPort']
        : [join(ROOT, 'web/server.js')],
      cwd: join(ROOT, 'web'),
      env: { ...base, ...keysOf('web'), PORT: String(ports.web), GATEWAY_URL: graphqlUrl(ports.gateway, host) },
    },
  ];
}

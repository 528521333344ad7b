import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { generateSigningKeys, type KeyPairJwk } from '@dangvu/subgraph-kit';

export interface PlatformKeys {
  /** Login tokens: the members subgraph signs, the gateway verifies. */
  auth: KeyPairJwk;
  /** Subgraph calls: the gateway signs, the subgraphs verify. */
  gateway: KeyPairJwk;
}

/** Keys made on first start and kept (readable by the owner only) so that tokens survive a restart. */
export async function loadOrCreateKeys(file: string): Promise<PlatformKeys> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as PlatformKeys;
  const keys = { auth: await generateSigningKeys(), gateway: await generateSigningKeys() };
  await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/** The environment each service reads its keys from; values already set in the environment win. */
export function keyEnvironment(keys: PlatformKeys, env: NodeJS.ProcessEnv): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value);
  return {
    AUTH_PRIVATE_KEY: env.AUTH_PRIVATE_KEY ?? json(keys.auth.privateJwk),
    AUTH_PUBLIC_KEY: env.AUTH_PUBLIC_KEY ?? json(keys.auth.publicJwk),
    GATEWAY_PRIVATE_KEY: env.GATEWAY_PRIVATE_KEY ?? json(keys.gateway.privateJwk),
    GATEWAY_PUBLIC_KEY: env.GATEWAY_PUBLIC_KEY ?? json(keys.gateway.publicJwk),
  };
}

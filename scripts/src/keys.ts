import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { ACCESS_TOKEN_SECONDS, generateSigningKeys, type KeyPairJwk } from '@dangvu/subgraph-kit';

type JWK = KeyPairJwk['publicJwk'];

export interface PlatformKeys {
  /** Login tokens: the members subgraph signs, the gateway verifies. Each JWK names itself (`kid`). */
  auth: KeyPairJwk;
  /**
   * The public halves of access-token keys replaced by `rotateAuthKey`, with when: the gateway keeps accepting
   * tokens they signed for those tokens' last minutes (docs/decisions/0008-sessions.md#rotating-the-signing-key).
   */
  retiredAuth?: { publicJwk: JWK; retiredAt: string }[];
  /** Subgraph calls: the gateway signs, the subgraphs verify. */
  gateway: KeyPairJwk;
  /** MEMBERS_SECRETS_KEY: 32 random bytes, base64url; seals the members subgraph's secrets. Never rotated here. */
  membersSecrets: string;
  /** TRANSFERS_SECRETS_KEY: likewise for the transfers subgraph (the actors' signing keys, the vouchers). Never rotated here. */
  transfersSecrets: string;
}

/** RFC 7638 thumbprint of an Ed25519 key (its required members in order: crv, kty, x), as the gateway computes it. */
const thumbprint = ({ crv, kty, x }: JWK) => createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');

/** A key pair whose two halves carry the same `kid`. */
function named(pair: KeyPairJwk): KeyPairJwk {
  const kid = pair.publicJwk.kid ?? thumbprint(pair.publicJwk);
  return { privateJwk: { ...pair.privateJwk, kid }, publicJwk: { ...pair.publicJwk, kid } };
}

const newSecretsKey = () => randomBytes(32).toString('base64url');

/**
 * Keys made on first start and kept (readable by the owner only) so that tokens survive a restart. A file from
 * before key ids and the members secrets key gets them, once: the keys themselves stay as they were.
 */
export async function loadOrCreateKeys(file: string): Promise<PlatformKeys> {
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Partial<PlatformKeys>) : {};
  const keys: PlatformKeys = {
    ...kept,
    auth: named(kept.auth ?? (await generateSigningKeys())),
    gateway: named(kept.gateway ?? (await generateSigningKeys())),
    membersSecrets: kept.membersSecrets ?? newSecretsKey(),
    transfersSecrets: kept.transfersSecrets ?? newSecretsKey(),
  };
  if (JSON.stringify(keys) !== JSON.stringify(kept)) await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

/**
 * A new access-token signing key; the old one's public half is kept as retired, so that during the change both
 * verify. Retired keys older than a token's life are dropped: no token they signed is still valid.
 */
export async function rotateAuthKey(keys: PlatformKeys, now = new Date()): Promise<PlatformKeys> {
  const retired = [...stillValid(keys.retiredAuth ?? [], now), { publicJwk: keys.auth.publicJwk, retiredAt: now.toISOString() }];
  return { ...keys, auth: named(await generateSigningKeys()), retiredAuth: retired };
}

const stillValid = (retired: NonNullable<PlatformKeys['retiredAuth']>, now: Date) =>
  retired.filter(({ retiredAt }) => now.getTime() - Date.parse(retiredAt) < ACCESS_TOKEN_SECONDS * 1000);

/**
 * The environment each service reads its keys from; values already set in the environment win. AUTH_PUBLIC_KEY
 * is the current key alone, or a set `{"keys":[…]}` with the retired ones whose tokens may still be valid.
 */
export function keyEnvironment(keys: PlatformKeys, env: NodeJS.ProcessEnv, now = new Date()): Record<string, string> {
  const json = (value: unknown) => JSON.stringify(value);
  const retired = stillValid(keys.retiredAuth ?? [], now).map(({ publicJwk }) => publicJwk);
  return {
    AUTH_PRIVATE_KEY: env.AUTH_PRIVATE_KEY ?? json(keys.auth.privateJwk),
    AUTH_PUBLIC_KEY: env.AUTH_PUBLIC_KEY ?? json(retired.length ? { keys: [keys.auth.publicJwk, ...retired] } : keys.auth.publicJwk),
    GATEWAY_PRIVATE_KEY: env.GATEWAY_PRIVATE_KEY ?? json(keys.gateway.privateJwk),
    GATEWAY_PUBLIC_KEY: env.GATEWAY_PUBLIC_KEY ?? json(keys.gateway.publicJwk),
    MEMBERS_SECRETS_KEY: env.MEMBERS_SECRETS_KEY ?? keys.membersSecrets,
    TRANSFERS_SECRETS_KEY: env.TRANSFERS_SECRETS_KEY ?? keys.transfersSecrets,
  };
}

import { createHash, KeyObject, randomUUID, sign, verify } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { z } from 'zod';
import { grantClaim } from './access-token.ts';
import type { Identity } from './identity.ts';
import type { IdempotencyClaim } from './idempotency-claim.ts';
import { SIGNING_ALG } from './keys.ts';

/** The header in which the gateway hands each subgraph call its signed identity. */
export const GATEWAY_SIGNATURE_HEADER = 'x-dangvu-gateway';
const ISSUER = 'dangvu-gateway';
const LIFETIME_SECONDS = 60;

/**
 * Each call's token is a compact JWS (RFC 7515, a JWT) with exactly this protected header, made and checked
 * here with node:crypto's Ed25519: the token jose would make, at a third of jose's cost per call, most of
 * which is WebCrypto's job and copies (docs/benchmarks.md). A token with any other header, `alg: none` or a
 * symmetric algorithm included, is refused on its bytes before anything else is read.
 */
const PROTECTED_HEADER = Buffer.from(JSON.stringify({ alg: SIGNING_ALG })).toString('base64url');
const ED25519_SIGNATURE_BYTES = 64;

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/**
 * node:crypto's handle of a key, made once per key; null for a private key imported non-extractable, which
 * WebCrypto keeps to itself and signs with more slowly (the gateway imports its key extractable for this).
 */
function keyObject(key: CryptoKey): KeyObject | null {
  if (key.type === 'private' && !key.extractable) return null;
  let handle = keyObjects.get(key);
  if (!handle) {
    handle = KeyObject.from(key);
    if (handle.asymmetricKeyType !== 'ed25519') throw new Error('gateway signatures need an Ed25519 key');
    keyObjects.set(key, handle);
  }
  return handle;
}

async function ed25519Signature(data: Buffer, privateKey: CryptoKey): Promise<Buffer> {
  const handle = keyObject(privateKey);
  return handle ? sign(null, data, handle) : Buffer.from(await crypto.subtle.sign('Ed25519', privateKey, new Uint8Array(data)));
}

/** Binds a signature to one document and its variables, so a captured header cannot carry another query. */
export function operationHash(query: string, variables: unknown): string {
  return createHash('sha256')
    .update(query)
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

export interface SignedCall {
  identity: Identity;
  requestId: string;
  /** The client's Idempotency-Key and its request's fingerprint, as the gateway received them (idempotency.ts). */
  idempotency?: IdempotencyClaim | null;
}

const epochSeconds = () => Math.floor(Date.now() / 1000);

export async function signSubgraphCall(
  call: SignedCall & { subgraph: string; query: string; variables: unknown },
  privateKey: CryptoKey,
): Promise<string> {
  const issuedAt = epochSeconds();
  const claims = {
    grants: call.identity.grants,
    partner: call.identity.partner,
    rid: call.requestId,
    ...(call.idempotency ? { idk: call.idempotency.key, idf: call.idempotency.fingerprint } : {}),
    qh: operationHash(call.query, call.variables),
    // A nonce per fetch, never per request: two fetches of one request to one subgraph are two calls.
    jti: randomUUID(),
    iss: ISSUER,
    aud: call.subgraph,
    sub: call.identity.personId ?? '',
    iat: issuedAt,
    exp: issuedAt + LIFETIME_SECONDS,
  };
  const signed = `${PROTECTED_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${(await ed25519Signature(Buffer.from(signed), privateKey)).toString('base64url')}`;
}

const claims = z.object({
  iss: z.literal(ISSUER),
  aud: z.string(),
  sub: z.string(),
  grants: z.array(grantClaim),
  partner: z.object({ clientId: z.string(), scopes: z.array(z.string()) }).nullable(),
  rid: z.string(),
  idk: z.string().optional(),
  idf: z.string().optional(),
  qh: z.string(),
  jti: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
});

/**
 * The nonces of the signed calls a subgraph process has accepted, each kept until its token expires, so that
 * a captured call cannot be sent a second time within its life. Memory is bounded: at `capacity` live nonces
 * a further call is refused rather than an unexpired nonce forgotten (one process answers far fewer calls
 * than that in a token's 60 s). The memory is the process's own: see docs/operations.md for several instances.
 */
export class SeenCalls {
  private readonly expiries = new Map<string, number>();
  private readonly capacity: number;

  constructor(capacity = 500_000) {
    this.capacity = capacity;
  }

  /** True the first time `nonce` is offered while its token lives; false for a repeat, or when full. */
  firstUse(nonce: string, expiresAtMs: number, now = Date.now()): boolean {
    // Nonces arrive in about the order they expire, so the expired ones sit at the front; one that arrived
    // late stays a few seconds longer than it must, which costs memory, never safety.
    for (const [seen, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(seen);
    }
    if (this.expiries.has(nonce) || this.expiries.size >= this.capacity) return false;
    this.expiries.set(nonce, expiresAtMs);
    return true;
  }
}

/** The claims of a token whose header is ours and whose Ed25519 signature `publicKey` checks, else null. */
function signedClaims(token: string, publicKey: CryptoKey): unknown {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PROTECTED_HEADER) return null;
  const [, payload, signature] = parts as [string, string, string];
  // Base64url decoding skips characters it does not know: only the one spelling of the signature is accepted.
  const signatureBytes = Buffer.from(signature, 'base64url');
  if (signatureBytes.length !== ED25519_SIGNATURE_BYTES || signatureBytes.toString('base64url') !== signature) return null;
  const key = keyObject(publicKey);
  if (!key || !verify(null, Buffer.from(`${PROTECTED_HEADER}.${payload}`), key, signatureBytes)) return null;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * Returns the caller the gateway vouched for, or null when the header is missing, forged, stale, for another
 * subgraph or another call, or already used (`seen` remembers the calls accepted so far).
 */
export async function verifySubgraphCall(
  token: string | undefined,
  expected: { subgraph: string; query: string; variables: unknown },
  publicKey: CryptoKey,
  seen: SeenCalls,
): Promise<SignedCall | null> {
  if (!token) return null;
  const parsed = claims.safeParse(signedClaims(token, publicKey));
  if (!parsed.success) return null;
  const { aud, sub, grants, partner, rid, idk, idf, qh, jti, iat, exp } = parsed.data;
  const now = epochSeconds();
  // Issued in the past minute and not yet expired, for this subgraph and this very document and variables.
  if (aud !== expected.subgraph || exp <= now || iat > now || now - iat > LIFETIME_SECONDS) return null;
  if (qh !== operationHash(expected.query, expected.variables)) return null;
  if (!seen.firstUse(jti, exp * 1000)) return null;
  return {
    identity: { personId: sub || null, grants, partner },
    requestId: rid,
    idempotency: idk !== undefined && idf !== undefined ? { key: idk, fingerprint: idf } : null,
  };
}

import { createHash, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { z } from 'zod';
import { grantClaim } from './access-token.ts';
import type { Identity } from './identity.ts';
import { SIGNING_ALG } from './keys.ts';

/** The header in which the gateway hands each subgraph call its signed identity. */
export const GATEWAY_SIGNATURE_HEADER = 'x-dangvu-gateway';
const ISSUER = 'dangvu-gateway';
const LIFETIME_SECONDS = 60;

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
}

export function signSubgraphCall(
  call: SignedCall & { subgraph: string; query: string; variables: unknown },
  privateKey: CryptoKey,
): Promise<string> {
  return new SignJWT({
    grants: call.identity.grants,
    partner: call.identity.partner,
    rid: call.requestId,
    qh: operationHash(call.query, call.variables),
  })
    .setProtectedHeader({ alg: SIGNING_ALG })
    // A nonce per fetch, never per request: two fetches of one request to one subgraph are two calls.
    .setJti(randomUUID())
    .setIssuer(ISSUER)
    .setAudience(call.subgraph)
    .setSubject(call.identity.personId ?? '')
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(privateKey);
}

const claims = z.object({
  sub: z.string(),
  grants: z.array(grantClaim),
  partner: z.object({ clientId: z.string(), scopes: z.array(z.string()) }).nullable(),
  rid: z.string(),
  qh: z.string(),
  jti: z.string().min(1),
  exp: z.number(),
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

/**
 * Returns the caller the gateway vouched for, or null when the header is missing, forged, stale, for another
 * call, or already used (`seen` remembers the calls accepted so far).
 */
export async function verifySubgraphCall(
  token: string | undefined,
  expected: { subgraph: string; query: string; variables: unknown },
  publicKey: CryptoKey,
  seen: SeenCalls,
): Promise<SignedCall | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: expected.subgraph,
      algorithms: [SIGNING_ALG],
      maxTokenAge: `${LIFETIME_SECONDS}s`,
    });
    const parsed = claims.safeParse(payload);
    if (!parsed.success || parsed.data.qh !== operationHash(expected.query, expected.variables)) return null;
    const { sub, grants, partner, rid, jti, exp } = parsed.data;
    if (!seen.firstUse(jti, exp * 1000)) return null;
    return { identity: { personId: sub || null, grants, partner }, requestId: rid };
  } catch {
    return null;
  }
}

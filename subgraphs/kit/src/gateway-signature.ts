import { createHash } from 'node:crypto';
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
});

/** Returns the caller the gateway vouched for, or null when the header is missing, forged, stale or for another call. */
export async function verifySubgraphCall(
  token: string | undefined,
  expected: { subgraph: string; query: string; variables: unknown },
  publicKey: CryptoKey,
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
    const { sub, grants, partner, rid } = parsed.data;
    return { identity: { personId: sub || null, grants, partner }, requestId: rid };
  } catch {
    return null;
  }
}

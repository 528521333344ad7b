import { errors, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { z } from 'zod';
import { ROLES, type Identity } from './identity.ts';
import { SIGNING_ALG } from './keys.ts';

const ISSUER = 'dangvu-members';
const AUDIENCE = 'dangvu';
export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** The members subgraph's root field the gateway asks about a token's session (docs/decisions/0008-sessions.md). */
export const SESSION_STATE_FIELD = 'sessionState';

export const grantClaim = z.object({ role: z.enum(ROLES), orgId: z.string(), orgPath: z.string() });

const claims = z.object({
  sub: z.string(),
  grants: z.array(grantClaim),
  partner: z.object({ clientId: z.string(), scopes: z.array(z.string()) }).nullable().default(null),
});

/**
 * A short-lived token: who the caller is and their role grants. `sessionId` becomes the `sid` claim, which the
 * gateway asks the members subgraph about on every request (docs/decisions/0008-sessions.md).
 */
export function signAccessToken(identity: Identity, privateKey: CryptoKey, now = new Date(), sessionId?: string): Promise<string> {
  const subject = identity.personId ?? identity.partner?.clientId;
  if (!subject) throw new Error('an access token needs a person or a partner');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ grants: identity.grants, partner: identity.partner, ...(sessionId ? { sid: sessionId } : {}) })
    .setProtectedHeader({ alg: SIGNING_ALG })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
    .sign(privateKey);
}

export type AccessTokenResult = { ok: true; identity: Identity } | { ok: false; reason: 'expired' | 'invalid' };

export async function verifyAccessToken(token: string, publicKey: CryptoKey): Promise<AccessTokenResult> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [SIGNING_ALG],
    });
    const parsed = claims.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'invalid' };
    const { sub, grants, partner } = parsed.data;
    return { ok: true, identity: { personId: partner ? null : sub, grants, partner } };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}

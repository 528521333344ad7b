import { ACCESS_TOKEN_SECONDS, importKey, SIGNING_ALG, type RoleGrant } from '@dangvu/subgraph-kit';
import { calculateJwkThumbprint, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * The claims the kit's `verifyAccessToken` (the gateway's check) expects of a person's token; `sid` and the
 * header's `kid` are read by the gateway beside it, and ignored by the kit.
 */
const ISSUER = 'dangvu-members';
const AUDIENCE = 'dangvu';

/** A signing key's id: its own `kid`, or its RFC 7638 thumbprint, which the gateway computes the same way. */
export const keyIdOf = async (jwk: JWK) => jwk.kid ?? (await calculateJwkThumbprint(jwk));

export interface AccessTokenSigner {
  /** The private key, for tokens signed elsewhere (partner tokens). */
  key: CryptoKey;
  kid: string;
  /** A person's access token in session `sessionId`, with the grants in force at `at`: 15 minutes. */
  sign(person: { personId: string; grants: RoleGrant[] }, sessionId: string, at: Date): Promise<{ token: string; expiresAt: Date }>;
}

/**
 * Signs access tokens with AUTH_PRIVATE_KEY, naming the key (`kid`) so that the gateway can hold the old and the
 * new public key while keys are rotated (docs/decisions/0008-sessions.md).
 */
export async function accessTokenSigner(privateJwk: JWK): Promise<AccessTokenSigner> {
  const key = await importKey(privateJwk);
  const kid = await keyIdOf(privateJwk);
  return {
    key,
    kid,
    async sign(person, sessionId, at) {
      const issuedAt = Math.floor(at.getTime() / 1000);
      const token = await new SignJWT({ grants: person.grants, partner: null, sid: sessionId })
        .setProtectedHeader({ alg: SIGNING_ALG, kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(person.personId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
        .sign(key);
      return { token, expiresAt: new Date((issuedAt + ACCESS_TOKEN_SECONDS) * 1000) };
    },
  };
}

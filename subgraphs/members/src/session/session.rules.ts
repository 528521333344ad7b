import type { RoleGrant } from '@dangvu/subgraph-kit';

/** A refresh token lasts this long unused: a session left alone for a working day ends. */
export const REFRESH_TOKEN_SECONDS = 12 * 60 * 60;
/** A session ends this long after its sign-in, however often it was refreshed. */
export const SESSION_SECONDS = 7 * 24 * 60 * 60;
/**
 * A refresh token presented again this soon after its one use is refused without ending the session: two tabs
 * of one browser refreshing at the same moment are not a stolen token.
 */
export const REUSE_GRACE_SECONDS = 10;

export interface SessionFacts {
  endedAt: Date | null;
  expiresAt: Date;
}

export interface RefreshTokenFacts {
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * What a refresh token presented at `now` does (docs/rules/accounts.md#refresh): `ROTATE` gives a new token
 * and an access token; `REUSED` means the token was used before, so someone else holds a copy, and the whole
 * session ends; `RACED`, used a moment ago, gives nothing and leaves the session be; `REFUSED` gives nothing
 * and changes nothing.
 */
export function refreshOutcome(token: RefreshTokenFacts, session: SessionFacts, now: Date): 'ROTATE' | 'REUSED' | 'RACED' | 'REFUSED' {
  if (session.endedAt || session.expiresAt <= now) return 'REFUSED';
  if (token.usedAt) return now.getTime() - token.usedAt.getTime() < REUSE_GRACE_SECONDS * 1000 ? 'RACED' : 'REUSED';
  return token.expiresAt <= now ? 'REFUSED' : 'ROTATE';
}

const grantKey = (grant: RoleGrant) => `${grant.role} ${grant.orgId} ${grant.orgPath}`;

/**
 * Whether a token's grants are all still held as they were: a grant ended, moved with its organization or
 * withheld since (a second factor now required) makes the token stale, and its holder gets a new one.
 */
export function grantsStillHeld(tokenGrants: readonly RoleGrant[], inForce: readonly RoleGrant[]): boolean {
  const held = new Set(inForce.map(grantKey));
  return tokenGrants.every((grant) => held.has(grantKey(grant)));
}

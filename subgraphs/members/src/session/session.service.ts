import { randomBytes } from 'node:crypto';
import { auditor, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import type { AccountSecrets } from '../account/account-secrets.ts';
import type { AccountRow } from '../account/account.repository.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import type { AccessTokenSigner } from './access-token.ts';
import type { SessionRow } from './session.repository.ts';
import { grantsStillHeld, refreshOutcome, REFRESH_TOKEN_SECONDS, SESSION_SECONDS } from './session.rules.ts';

export interface SessionDeps {
  signer: AccessTokenSigner;
  secrets: AccountSecrets;
  now: () => Date;
}

/** What a sign-in or a refresh hands back: the access token and the refresh token that renews it. */
export interface SessionTokens {
  token: string;
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
  rolesWithheld: boolean;
  userErrors: [];
}

export type RefreshResult = SessionTokens | { token: null; expiresAt: null; refreshToken: null; refreshExpiresAt: null; rolesWithheld: false; userErrors: UserError[] };

/** What the gateway learns of a token's session: in use, ended, or in use with grants the token no longer matches. */
export type SessionState = 'ACTIVE' | 'ENDED' | 'GRANTS_CHANGED';

const refreshRefused = (code: string, message: string): RefreshResult => ({
  token: null,
  expiresAt: null,
  refreshToken: null,
  refreshExpiresAt: null,
  rolesWithheld: false,
  userErrors: [{ code, field: 'refreshToken', message }],
});
const REFRESH_REFUSED = refreshRefused('SESSION_ENDED', 'Phiên đăng nhập đã kết thúc. Đồng chí vui lòng đăng nhập lại.');
/** The other of two refreshes at the same moment got the new tokens: the caller keeps whatever it was given. */
const REFRESH_RACED = refreshRefused('SESSION_JUST_RENEWED', 'Phiên đăng nhập vừa được gia hạn ở nơi khác (một thẻ khác của trình duyệt). Đồng chí hãy tải lại trang.');

const after = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

/**
 * Sign-in sessions (docs/rules/accounts.md#sessions): each access token names its session, which the gateway
 * asks about; a refresh token, used once, renews the access token, and a second use ends the session.
 */
export function sessionService(store: MembersStore, context: RequestContext, { signer, secrets, now }: SessionDeps) {
  const audit = auditor(context);

  /** The grants a token of this account carries today: roles in force, less those waiting for a second factor. */
  async function grantsInForce(repos: Repositories, account: AccountRow, at: Date) {
    const granted = await repos.roleGrants.activeOf(account.memberId, vietnamDay(at));
    const requiring = account.totpEnabledAt ? [] : await repos.totpRequirements.requiredPaths();
    const grants = granted.filter((grant) => !requiring.some((path) => grant.orgPath.startsWith(path)));
    return { grants, withheld: grants.length < granted.length };
  }

  async function tokensFor(repos: Repositories, account: AccountRow, session: SessionRow, at: Date): Promise<SessionTokens> {
    const { grants, withheld } = await grantsInForce(repos, account, at);
    const access = await signer.sign({ personId: account.memberId, grants }, session.id, at);
    const refreshToken = randomBytes(32).toString('base64url');
    // Never past the session's own end: the web app warns before this instant that the session ends.
    const refreshExpiresAt = new Date(Math.min(after(at, REFRESH_TOKEN_SECONDS).getTime(), session.expiresAt.getTime()));
    await repos.sessions.issueRefreshToken({ tokenHash: secrets.refreshTokenHash(refreshToken), sessionId: session.id, issuedAt: at, expiresAt: refreshExpiresAt });
    return {
      token: access.token,
      expiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      rolesWithheld: withheld,
      userErrors: [],
    };
  }

  return {
    /** A new session for an account that just signed in. */
    open(account: AccountRow, { secondFactor }: { secondFactor: boolean }): Promise<SessionTokens> {
      const at = now();
      return store.transaction(async (repos) => {
        const session = await repos.sessions.start({
          accountId: account.id,
          memberId: account.memberId,
          secondFactor,
          startedAt: at,
          expiresAt: after(at, SESSION_SECONDS),
        });
        return tokensFor(repos, account, session, at);
      });
    },

    /** A new access token and refresh token for a refresh token used once; a second use ends the session. */
    refresh(refreshToken: string): Promise<RefreshResult> {
      const at = now();
      return store.transaction(async (repos) => {
        const presented = await repos.sessions.refreshTokenForUpdate(secrets.refreshTokenHash(refreshToken));
        const session = presented && (await repos.sessions.byIdForUpdate(presented.sessionId));
        if (!presented || !session) return REFRESH_REFUSED;
        const outcome = refreshOutcome(presented, session, at);
        if (outcome === 'REUSED') {
          await repos.sessions.end(session.id, 'REFRESH_REUSED', at);
          await audit(repos.audit, { action: 'session.refreshReused', entityType: 'Session', entityId: session.id, after: { ended: true }, subjectMemberId: session.memberId });
          return REFRESH_REFUSED;
        }
        if (outcome === 'RACED') return REFRESH_RACED;
        if (outcome === 'REFUSED') return REFRESH_REFUSED;
        await repos.sessions.markRefreshTokenUsed(presented.tokenHash, at);
        const account = await repos.accounts.byId(session.accountId);
        // Locking and revoking end sessions; this holds for an account changed in another way since.
        if (!account || account.status !== 'ACTIVE') return REFRESH_REFUSED;
        return tokensFor(repos, account, session, at);
      });
    },

    /** Ends the session the refresh token belongs to (used or not): the token is the proof, no sign-in needed. */
    logout(refreshToken: string): Promise<{ ended: boolean; userErrors: UserError[] }> {
      return store.transaction(async (repos) => {
        const presented = await repos.sessions.refreshTokenForUpdate(secrets.refreshTokenHash(refreshToken));
        if (presented) await repos.sessions.end(presented.sessionId, 'LOGOUT', now());
        return { ended: presented !== null, userErrors: [] };
      });
    },

    /**
     * The gateway's question about the caller's own token (docs/decisions/0008-sessions.md): whether its session
     * is still open and its account in use, and whether the grants the token carries are still all held.
     */
    async state(sessionId: string): Promise<SessionState> {
      const at = now();
      const { repos } = store;
      const session = await repos.sessions.byId(parseId(sessionId));
      if (!session || session.memberId !== context.identity.personId || session.endedAt || session.expiresAt <= at) return 'ENDED';
      const account = await repos.accounts.byId(session.accountId);
      if (!account || account.status !== 'ACTIVE') return 'ENDED';
      const { grants } = await grantsInForce(repos, account, at);
      return grantsStillHeld(context.identity.grants, grants) ? 'ACTIVE' : 'GRANTS_CHANGED';
    },
  };
}

export type SessionService = ReturnType<typeof sessionService>;

import { hash, verify } from '@node-rs/argon2';
import { ACCESS_TOKEN_SECONDS, signAccessToken, vietnamDay } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';
import type { AccountRepository } from './account.repository.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** argon2id (the library's default) with its default cost: 19 MiB, 2 passes. */
export const hashPassword = (password: string) => hash(password);

/**
 * Checked against when the username is unknown, so that an unknown user costs the same argon2 work as
 * a wrong password and the two cannot be told apart by timing.
 */
const unknownUserHash = hashPassword('dangvu: no such account');

export interface UserError {
  code: string;
  field: string | null;
  message: string;
}

export type LoginResult = { token: string; expiresAt: string; userErrors: [] } | { token: null; expiresAt: null; userErrors: UserError[] };

/** One answer for every failure: wrong password, unknown user, locked or unusable account. */
const refused: LoginResult = {
  token: null,
  expiresAt: null,
  userErrors: [
    {
      code: 'INVALID_CREDENTIALS',
      field: null,
      message: `Tên đăng nhập hoặc mật khẩu không đúng. Sau ${MAX_FAILED_LOGINS} lần nhập sai liên tiếp, tài khoản tạm khóa ${LOCK_MINUTES} phút.`,
    },
  ],
};

export function loginService(accounts: AccountRepository, signingKey: CryptoKey, now: () => Date = () => new Date()) {
  return {
    async login(username: string, password: string): Promise<LoginResult> {
      const account = await accounts.byUsername(username.trim().toLowerCase());
      const passwordMatches = await verify(account?.passwordHash ?? (await unknownUserHash), password);
      if (!account) return refused;
      const locked = account.lockedUntil !== null && account.lockedUntil > now();
      if (locked || account.status !== 'ACTIVE') return refused;
      if (!passwordMatches) {
        await accounts.recordFailure(account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
        return refused;
      }
      await accounts.recordSuccess(account.id);
      const issuedAt = now();
      const grants = await accounts.activeGrants(account.memberId, vietnamDay(issuedAt));
      const token = await signAccessToken({ personId: account.memberId, grants, partner: null }, signingKey, issuedAt);
      const expiresAt = new Date(issuedAt.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString();
      return { token, expiresAt, userErrors: [] };
    },
  };
}

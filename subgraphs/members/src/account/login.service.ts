import { hash, verify } from '@node-rs/argon2';
import { ACCESS_TOKEN_SECONDS, signAccessToken, vietnamDay, type UserError } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';
import type { Repositories } from '../repositories.ts';
import { acceptedStep } from './totp.rules.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** argon2id (the library's default) with its default cost: 19 MiB, 2 passes. */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

/**
 * Checked against when the username is unknown, so that an unknown user costs the same argon2 work as
 * a wrong password and the two cannot be told apart by timing.
 */
const unknownUserHash = hashPassword('dangvu: no such account');

export type LoginResult =
  | { token: string; expiresAt: string; rolesWithheld: boolean; userErrors: [] }
  | { token: null; expiresAt: null; rolesWithheld: false; userErrors: UserError[] };

const refusedWith = (code: string, field: string | null, message: string): LoginResult => ({
  token: null,
  expiresAt: null,
  rolesWithheld: false,
  userErrors: [{ code, field, message }],
});

/** One answer for every failure: wrong password, unknown user, locked or unusable account. */
const refused = refusedWith(
  'INVALID_CREDENTIALS',
  null,
  `Tên đăng nhập hoặc mật khẩu không đúng. Sau ${MAX_FAILED_LOGINS} lần nhập sai liên tiếp, tài khoản tạm khóa ${LOCK_MINUTES} phút.`,
);

export function loginService(
  { accounts, roleGrants, totpRequirements }: Pick<Repositories, 'accounts' | 'roleGrants' | 'totpRequirements'>,
  signingKey: CryptoKey,
  now: () => Date = () => new Date(),
) {
  return {
    async login(username: string, password: string, totpCode?: string | null): Promise<LoginResult> {
      const account = await accounts.byUsername(username.trim().toLowerCase());
      const passwordMatches = await verifyPassword(account?.passwordHash ?? (await unknownUserHash), password);
      if (!account) return refused;
      const locked = account.lockedUntil !== null && account.lockedUntil > now();
      if (locked || account.status !== 'ACTIVE') return refused;
      if (!passwordMatches) {
        await accounts.recordFailure(account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
        return refused;
      }
      const issuedAt = now();
      // The second step, once the password is right: an account with a second factor needs its current code.
      if (account.totpEnabledAt && account.totpSecret) {
        if (!totpCode) return refusedWith('TOTP_REQUIRED', 'totpCode', 'Nhập mã 6 số đang hiện trong ứng dụng xác thực.');
        const step = acceptedStep(account.totpSecret, totpCode, issuedAt, account.totpLastStep);
        if (step === null) {
          await accounts.recordFailure(account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
          return refusedWith('TOTP_INVALID', 'totpCode', 'Mã xác thực không đúng hoặc đã dùng. Hãy nhập mã mới nhất.');
        }
        await accounts.recordTotpStep(account.id, step);
      }
      await accounts.recordSuccess(account.id);
      const granted = await roleGrants.activeOf(account.memberId, vietnamDay(issuedAt));
      // Roles in an organization that requires a second factor wait until the member has one.
      const requiring = account.totpEnabledAt ? [] : await totpRequirements.requiredPaths();
      const grants = granted.filter((grant) => !requiring.some((path) => grant.orgPath.startsWith(path)));
      const token = await signAccessToken({ personId: account.memberId, grants, partner: null }, signingKey, issuedAt);
      const expiresAt = new Date(issuedAt.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString();
      return { token, expiresAt, rolesWithheld: grants.length < granted.length, userErrors: [] };
    },
  };
}
export type LoginService = ReturnType<typeof loginService>;

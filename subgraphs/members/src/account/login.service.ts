import type { UserError } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import type { SessionService, SessionTokens } from '../session/session.service.ts';
import type { AccountSecrets } from './account-secrets.ts';
import type { PasswordHasher } from './passwords.ts';
import type { SignInAttemptKind } from './sign-in-window.repository.ts';
import { normalUsername, SIGN_IN_LIMITS } from './sign-in-limits.ts';
import { totpSecretOf } from './totp-secret.ts';
import { acceptedStep } from './totp.rules.ts';
import { endedMembershipMessage } from '../member/status/status.rules.ts';

export interface LoginDeps {
  passwords: PasswordHasher;
  secrets: AccountSecrets;
  sessions: SessionService;
  now: () => Date;
}

export type LoginResult =
  | SessionTokens
  | { token: null; expiresAt: null; refreshToken: null; refreshExpiresAt: null; rolesWithheld: false; userErrors: UserError[] };

const refusedWith = (code: string, field: string | null, message: string): LoginResult => ({
  token: null,
  expiresAt: null,
  refreshToken: null,
  refreshExpiresAt: null,
  rolesWithheld: false,
  userErrors: [{ code, field, message }],
});

const { attempts, seconds } = SIGN_IN_LIMITS.PASSWORD;

/** One answer for every failure: wrong password, unknown user, a full window, an unusable account. */
const refused = refusedWith(
  'INVALID_CREDENTIALS',
  null,
  `Tên đăng nhập hoặc mật khẩu không đúng. Sau ${attempts} lần thử trong ${seconds / 60} phút, đăng nhập tạm khóa đến hết ${seconds / 60} phút đó.`,
);
const TOTP_REQUIRED = refusedWith('TOTP_REQUIRED', 'totpCode', 'Nhập mật khẩu cùng mã 6 số đang hiện trong ứng dụng xác thực.');
const TOTP_INVALID = refusedWith('TOTP_INVALID', 'totpCode', 'Mã xác thực không đúng hoặc đã dùng. Hãy nhập mã mới nhất.');

/**
 * Checked against when the username is unknown, so that an unknown user costs the same password check as a
 * wrong password and the two cannot be told apart by timing. One per hasher, made once.
 */
const unknownUserHashes = new WeakMap<PasswordHasher, Promise<string>>();
function unknownUserHash(passwords: PasswordHasher) {
  if (!unknownUserHashes.has(passwords)) unknownUserHashes.set(passwords, passwords.hash('dangvu: no such account'));
  return unknownUserHashes.get(passwords)!;
}

/**
 * Sign-in (docs/rules/accounts.md#sign-in). Each attempt is counted in its window before the password is
 * checked, and none is checked once the window is full, so no more than the window's limit of guesses is ever
 * evaluated however many arrive at once. An account with a second factor has its password checked only after
 * a fresh code, in a window of its own: nothing is said about its password before the code is given, and
 * guessing passwords never locks its holder out.
 */
export function loginService(
  { accounts, signInWindows, members }: Pick<Repositories, 'accounts' | 'signInWindows' | 'members'>,
  { passwords, secrets, sessions, now }: LoginDeps,
) {
  return {
    async login(input: { username: string; password: string; totpCode?: string | null }): Promise<LoginResult> {
      const username = normalUsername(input.username);
      const at = now();
      const account = await accounts.byUsername(username);
      let kind: SignInAttemptKind = 'PASSWORD';
      const totpSecret = account?.totpEnabledAt ? await totpSecretOf(accounts, secrets, account) : null;
      if (account && totpSecret) {
        if (!input.totpCode) return TOTP_REQUIRED;
        const step = acceptedStep(totpSecret, input.totpCode, at, account.totpLastStep);
        if (step === null || !(await accounts.claimTotpStep(account.id, step))) return TOTP_INVALID;
        kind = 'SECOND_FACTOR';
      }
      if (!(await signInWindows.claim(username, kind, SIGN_IN_LIMITS[kind], at))) return refused;
      const matches = await passwords.verify(account?.passwordHash ?? (await unknownUserHash(passwords)), input.password);
      if (!account || !matches) return refused;
      // Whatever the account's state (an administrator may have unlocked it), a member whose membership ended
      // does not sign in; told why, and only once the password is right.
      const ended = endedMembershipMessage((await members.byId(account.memberId))?.activityStatus ?? 'ACTIVE');
      if (ended) return refusedWith(ended.code, ended.field, ended.message);
      if (account.status !== 'ACTIVE') return refused;
      await signInWindows.clear(username, ['PASSWORD', 'SECOND_FACTOR']);
      return sessions.open(account, { secondFactor: kind === 'SECOND_FACTOR' });
    },
  };
}

export type LoginService = ReturnType<typeof loginService>;

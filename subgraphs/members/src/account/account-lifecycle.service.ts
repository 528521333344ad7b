import { createHash, randomInt } from 'node:crypto';
import { auditor, forbidden, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy, type AccountSubject } from '../policy.ts';
import type { MemberRow } from '../member/member.repository.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import type { AccountRow } from './account.repository.ts';
import { hashPassword, LOCK_MINUTES, MAX_FAILED_LOGINS, verifyPassword } from './login.service.ts';
import { passwordErrors } from './password.rules.ts';

const ACTIVATION_DAYS = 7;
/** No 0/O or 1/I: the code is read aloud to elderly members and typed on phones. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const activationHash = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

function activationCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A new one-time code, and what the account keeps of it: the hash and when it stops working. */
function freshActivation(from: Date) {
  const code = activationCode();
  return { code, activationCodeHash: activationHash(code), activationExpiresAt: new Date(from.getTime() + ACTIVATION_DAYS * 86_400_000) };
}

export interface AccountPayload {
  account: AccountRow | null;
  userErrors: UserError[];
}

/** The states each officer's action on an account starts from; the service and `availableActions` both read it. */
const STARTS_FROM = {
  REISSUE: ['PENDING', 'ACTIVE'],
  LOCK: ['ACTIVE', 'PENDING'],
  UNLOCK: ['LOCKED'],
  REVOKE: ['ACTIVE', 'PENDING', 'LOCKED'],
} as const satisfies Record<string, readonly AccountRow['status'][]>;

const refused = (code: string, field: string | null, message: string) => ({ account: null, userErrors: [{ code, field, message }] });
const NO_ACCOUNT = refused('NO_ACCOUNT', 'memberId', 'Đảng viên chưa được cấp tài khoản.');

/**
 * An account's life (docs/rules/accounts.md): issued (and issued again, for a forgotten password) by a
 * secretary, deputy or administrator over the member's organization with a one-time code shown once,
 * activated by the member with a password of their own and changed by them later, locked, unlocked or
 * revoked by an administrator. Nobody acts on their own account, nor on the account of someone holding
 * roles they do not cover. Each step is audited against the member's record.
 */
export function accountLifecycleService(store: MembersStore, context: RequestContext, now = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  /** The member as an account action's target, with the roles they hold today. */
  async function target(repos: Repositories, memberId: string): Promise<MemberRow & AccountSubject> {
    const member = await repos.members.byId(parseId(memberId));
    if (!member) throw notFound('đảng viên');
    return { ...member, grants: await repos.roleGrants.activeOf(member.id, vietnamDay(now())) };
  }

  const record = (repos: Repositories, action: string, member: MemberRow, before: AccountRow | null, after: AccountRow) =>
    audit(repos.audit, {
      action,
      entityType: 'Account',
      entityId: after.id,
      // Never the secrets: the audit trail is readable by those who administer the account.
      before: before && { status: before.status, username: before.username },
      after: { status: after.status, username: after.username },
      orgPath: member.orgPath,
      subjectMemberId: member.id,
    });

  async function setStatus(
    memberId: string,
    action: string,
    status: (account: AccountRow) => AccountRow['status'],
    allowedFrom: readonly AccountRow['status'][],
  ) {
    return store.transaction(async (repos): Promise<AccountPayload> => {
      const member = await target(repos, memberId);
      policy.assert(identity, 'ADMINISTER_ACCOUNT', member);
      const account = await repos.accounts.ofMemberForUpdate(member.id);
      if (!account) return NO_ACCOUNT;
      if (!allowedFrom.includes(account.status)) {
        return refused('ILLEGAL_TRANSITION', 'memberId', `Không thể thực hiện khi tài khoản đang ở trạng thái ${account.status}.`);
      }
      const updated = await repos.accounts.update(account.id, { status: status(account), failedAttempts: 0, lockedUntil: null });
      await record(repos, action, member, account, updated);
      return { account: updated, userErrors: [] };
    });
  }

  return {
    /** Returns the code once; only its hash is kept. The username is the member's citizen ID, which they know. */
    async issue(memberId: string): Promise<AccountPayload & { activationCode: string | null }> {
      return store.transaction(async (repos) => {
        const member = await target(repos, memberId);
        policy.assert(identity, 'ISSUE_ACCOUNT', member);
        if (await repos.accounts.ofMemberForUpdate(member.id)) {
          return { ...refused('ACCOUNT_EXISTS', 'memberId', 'Đảng viên đã có tài khoản.'), activationCode: null };
        }
        if (await repos.accounts.usernameTaken(member.citizenId)) {
          return { ...refused('USERNAME_TAKEN', 'memberId', 'Số CCCD của đảng viên đã được dùng làm tên đăng nhập.'), activationCode: null };
        }
        const { code, ...activation } = freshActivation(now());
        const account = await repos.accounts.insert({ memberId: member.id, username: member.citizenId, status: 'PENDING', ...activation });
        await record(repos, 'account.issued', member, null, account);
        return { account, userErrors: [], activationCode: code };
      });
    },

    /** The member's own step: no sign-in needed, the one-time code is the proof. */
    async activate(input: { username: string; activationCode: string; password: string }): Promise<AccountPayload> {
      const username = input.username.trim();
      return store.transaction(async (repos) => {
        const account = await repos.accounts.byUsernameForUpdate(username);
        const valid =
          account?.status === 'PENDING' &&
          account.activationCodeHash === activationHash(input.activationCode) &&
          account.activationExpiresAt !== null &&
          account.activationExpiresAt > now();
        if (!account || !valid) {
          return refused('INVALID_ACTIVATION', 'activationCode', 'Mã kích hoạt không đúng hoặc đã hết hạn. Hãy nhờ bí thư chi bộ cấp mã mới.');
        }
        const weak = passwordErrors(input.password, username);
        if (weak.length) return { account: null, userErrors: weak };
        const activated = await repos.accounts.update(account.id, {
          status: 'ACTIVE',
          passwordHash: await hashPassword(input.password),
          activationCodeHash: null,
          activationExpiresAt: null,
        });
        await record(repos, 'account.activated', (await repos.members.byId(account.memberId))!, account, activated);
        return { account: activated, userErrors: [] };
      });
    },

    /**
     * For a member who forgot their password or lost the phone with their authenticator: an officer over them,
     * having seen who they are, gives a new one-time code. The old password and second factor stop working.
     */
    async reissue(memberId: string): Promise<AccountPayload & { activationCode: string | null }> {
      return store.transaction(async (repos) => {
        const member = await target(repos, memberId);
        policy.assert(identity, 'ISSUE_ACCOUNT', member);
        const account = await repos.accounts.ofMemberForUpdate(member.id);
        if (!account) return { ...NO_ACCOUNT, activationCode: null };
        if (!(STARTS_FROM.REISSUE as readonly string[]).includes(account.status)) {
          const message = 'Tài khoản đang bị khóa hoặc đã thu hồi: quản trị viên cần mở khóa trước khi cấp lại mã.';
          return { ...refused('ILLEGAL_TRANSITION', 'memberId', message), activationCode: null };
        }
        const { code, ...activation } = freshActivation(now());
        const reissued = await repos.accounts.update(account.id, {
          ...activation,
          status: 'PENDING',
          passwordHash: null,
          failedAttempts: 0,
          lockedUntil: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
        });
        await record(repos, 'account.reissued', member, account, reissued);
        return { account: reissued, userErrors: [], activationCode: code };
      });
    },

    /** The signed-in member chooses a new password, proving the current one; wrong guesses count toward lock-out. */
    async changePassword(input: { currentPassword: string; newPassword: string }): Promise<AccountPayload> {
      const personId = identity.personId;
      if (!personId) throw forbidden();
      return store.transaction(async (repos) => {
        const account = await repos.accounts.ofMemberForUpdate(personId);
        if (!account?.passwordHash || account.status !== 'ACTIVE') throw notFound('tài khoản đang dùng');
        if (account.lockedUntil && account.lockedUntil > now()) {
          return refused('ACCOUNT_LOCKED', 'currentPassword', `Nhập sai quá nhiều lần: hãy thử lại sau ${LOCK_MINUTES} phút.`);
        }
        if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
          await repos.accounts.recordFailure(account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
          return refused('WRONG_PASSWORD', 'currentPassword', 'Mật khẩu hiện tại không đúng.');
        }
        const weak = passwordErrors(input.newPassword, account.username).map((error) => ({ ...error, field: 'newPassword' }));
        if (weak.length) return { account: null, userErrors: weak };
        const changed = await repos.accounts.update(account.id, { passwordHash: await hashPassword(input.newPassword), failedAttempts: 0, lockedUntil: null });
        await record(repos, 'account.passwordChanged', (await repos.members.byId(account.memberId))!, account, changed);
        return { account: changed, userErrors: [] };
      });
    },

    lock: (memberId: string) => setStatus(memberId, 'account.locked', () => 'LOCKED', STARTS_FROM.LOCK),
    // An account locked before it was activated goes back to waiting for its activation.
    unlock: (memberId: string) =>
      setStatus(memberId, 'account.unlocked', (account) => (account.passwordHash ? 'ACTIVE' : 'PENDING'), STARTS_FROM.UNLOCK),
    revoke: (memberId: string) => setStatus(memberId, 'account.revoked', () => 'REVOKED', STARTS_FROM.REVOKE),

    /** What the caller may do with `account` now: the actions above that its state and the policy both allow. */
    async availableActions(account: AccountRow) {
      const subject = await target(store.repos, account.memberId);
      const officer = (['REISSUE', 'LOCK', 'UNLOCK', 'REVOKE'] as const).filter(
        (action) =>
          (STARTS_FROM[action] as readonly string[]).includes(account.status) &&
          policy.can(identity, action === 'REISSUE' ? 'ISSUE_ACCOUNT' : 'ADMINISTER_ACCOUNT', subject),
      );
      const own = account.memberId === identity.personId && account.status === 'ACTIVE' ? (['CHANGE_PASSWORD'] as const) : [];
      return [...officer, ...own];
    },
  };
}

export type AccountLifecycleService = ReturnType<typeof accountLifecycleService>;

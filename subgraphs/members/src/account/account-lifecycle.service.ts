import { createHash, randomInt } from 'node:crypto';
import type { Db, Tx } from '@dangvu/drizzle';
import { appendAudit, forbidden, grantsReach, notFound, parseId, type RequestContext, type Role, type UserError } from '@dangvu/subgraph-kit';
import { accountAdmin as admin, type AccountRow, type MemberRow } from './account-admin.repository.ts';
import { hashPassword, LOCK_MINUTES, MAX_FAILED_LOGINS, verifyPassword } from './login.service.ts';
import { passwordErrors } from './password.rules.ts';

const ISSUERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];
const ADMINISTRATORS: readonly Role[] = ['ADMIN'];
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

const refused = (code: string, field: string | null, message: string) => ({ account: null, userErrors: [{ code, field, message }] });

/**
 * An account's life: issued (and issued again, for a forgotten password) by a secretary, deputy or
 * administrator over the member's organization with a one-time code shown once, activated by the member with
 * a password of their own and changed by them later, locked, unlocked or revoked by an administrator. Each step is audited against the member's record.
 */
export function accountLifecycleService(db: Db, { identity, requestId }: RequestContext, now = () => new Date()) {
  async function memberInReach(tx: Tx, memberId: string, roles: readonly Role[]): Promise<MemberRow> {
    const member = await admin.member(tx, parseId(memberId));
    if (!member) throw notFound('đảng viên');
    if (!grantsReach(identity, member.orgPath, roles)) throw forbidden();
    return member;
  }

  const audit = (tx: Tx, action: string, member: MemberRow, before: AccountRow | null, after: AccountRow) =>
    appendAudit(tx, {
      actorId: identity.personId,
      action,
      entityType: 'Account',
      entityId: after.id,
      // Never the secrets: the audit trail is readable by those who administer the account.
      before: before && { status: before.status, username: before.username },
      after: { status: after.status, username: after.username },
      requestId,
      orgPath: member.orgPath,
      subjectMemberId: member.id,
    });

  async function setStatus(
    memberId: string,
    action: string,
    status: (account: AccountRow) => AccountRow['status'],
    allowedFrom: AccountRow['status'][],
  ) {
    return db.transaction(async (tx): Promise<AccountPayload> => {
      const member = await memberInReach(tx, memberId, ADMINISTRATORS);
      const account = await admin.accountOfMember(tx, member.id);
      if (!account) return refused('NO_ACCOUNT', 'memberId', 'Đảng viên chưa được cấp tài khoản.');
      if (!allowedFrom.includes(account.status)) {
        return refused('ILLEGAL_TRANSITION', 'memberId', `Không thể thực hiện khi tài khoản đang ở trạng thái ${account.status}.`);
      }
      const updated = await admin.updateAccount(tx, account.id, { status: status(account), failedAttempts: 0, lockedUntil: null });
      await audit(tx, action, member, account, updated);
      return { account: updated, userErrors: [] };
    });
  }

  return {
    /** Returns the code once; only its hash is kept. The username is the member's citizen ID, which they know. */
    async issue(memberId: string): Promise<AccountPayload & { activationCode: string | null }> {
      return db.transaction(async (tx) => {
        const member = await memberInReach(tx, memberId, ISSUERS);
        if (await admin.accountOfMember(tx, member.id)) {
          return { ...refused('ACCOUNT_EXISTS', 'memberId', 'Đảng viên đã có tài khoản.'), activationCode: null };
        }
        if (await admin.usernameTaken(tx, member.citizenId)) {
          return { ...refused('USERNAME_TAKEN', 'memberId', 'Số CCCD của đảng viên đã được dùng làm tên đăng nhập.'), activationCode: null };
        }
        const { code, ...activation } = freshActivation(now());
        const account = await admin.insertAccount(tx, { memberId: member.id, username: member.citizenId, status: 'PENDING', ...activation });
        await audit(tx, 'account.issued', member, null, account);
        return { account, userErrors: [], activationCode: code };
      });
    },

    /** The member's own step: no sign-in needed, the one-time code is the proof. */
    async activate(input: { username: string; activationCode: string; password: string }): Promise<AccountPayload> {
      const username = input.username.trim();
      return db.transaction(async (tx) => {
        const account = await admin.accountByUsername(tx, username);
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
        const activated = await admin.updateAccount(tx, account.id, {
          status: 'ACTIVE',
          passwordHash: await hashPassword(input.password),
          activationCodeHash: null,
          activationExpiresAt: null,
        });
        const member = (await admin.member(tx, account.memberId))!;
        await audit(tx, 'account.activated', member, account, activated);
        return { account: activated, userErrors: [] };
      });
    },

    /**
     * For a member who forgot their password or lost the phone with their authenticator: an officer over them,
     * having seen who they are, gives a new one-time code. The old password and second factor stop working.
     */
    async reissue(memberId: string): Promise<AccountPayload & { activationCode: string | null }> {
      return db.transaction(async (tx) => {
        const member = await memberInReach(tx, memberId, ISSUERS);
        const account = await admin.accountOfMember(tx, member.id);
        if (!account) return { ...refused('NO_ACCOUNT', 'memberId', 'Đảng viên chưa được cấp tài khoản.'), activationCode: null };
        if (account.status === 'LOCKED' || account.status === 'REVOKED') {
          const message = 'Tài khoản đang bị khóa hoặc đã thu hồi: quản trị viên cần mở khóa trước khi cấp lại mã.';
          return { ...refused('ILLEGAL_TRANSITION', 'memberId', message), activationCode: null };
        }
        const { code, ...activation } = freshActivation(now());
        const reissued = await admin.updateAccount(tx, account.id, {
          ...activation,
          status: 'PENDING',
          passwordHash: null,
          failedAttempts: 0,
          lockedUntil: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
        });
        await audit(tx, 'account.reissued', member, account, reissued);
        return { account: reissued, userErrors: [], activationCode: code };
      });
    },

    /** The signed-in member chooses a new password, proving the current one; wrong guesses count toward lock-out. */
    async changePassword(input: { currentPassword: string; newPassword: string }): Promise<AccountPayload> {
      const personId = identity.personId;
      if (!personId) throw forbidden();
      return db.transaction(async (tx) => {
        const account = await admin.accountOfMember(tx, personId);
        if (!account?.passwordHash || account.status !== 'ACTIVE') throw notFound('tài khoản đang dùng');
        if (account.lockedUntil && account.lockedUntil > now()) {
          return refused('ACCOUNT_LOCKED', 'currentPassword', `Nhập sai quá nhiều lần: hãy thử lại sau ${LOCK_MINUTES} phút.`);
        }
        if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
          await admin.recordFailure(tx, account.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
          return refused('WRONG_PASSWORD', 'currentPassword', 'Mật khẩu hiện tại không đúng.');
        }
        const weak = passwordErrors(input.newPassword, account.username).map((error) => ({ ...error, field: 'newPassword' }));
        if (weak.length) return { account: null, userErrors: weak };
        const changed = await admin.updateAccount(tx, account.id, { passwordHash: await hashPassword(input.newPassword), failedAttempts: 0, lockedUntil: null });
        await audit(tx, 'account.passwordChanged', (await admin.member(tx, account.memberId))!, account, changed);
        return { account: changed, userErrors: [] };
      });
    },

    lock: (memberId: string) => setStatus(memberId, 'account.locked', () => 'LOCKED', ['ACTIVE', 'PENDING']),
    // An account locked before it was activated goes back to waiting for its activation.
    unlock: (memberId: string) =>
      setStatus(memberId, 'account.unlocked', (account) => (account.passwordHash ? 'ACTIVE' : 'PENDING'), ['LOCKED']),
    revoke: (memberId: string) => setStatus(memberId, 'account.revoked', () => 'REVOKED', ['ACTIVE', 'PENDING', 'LOCKED']),
  };
}

export type AccountLifecycleService = ReturnType<typeof accountLifecycleService>;

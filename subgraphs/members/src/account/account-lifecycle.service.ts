import { randomInt } from 'node:crypto';
import { auditor, availableActions, forbidden, holdsAny, notFound, parseId, transition, vietnamDay, type RequestContext, type Role, type UserError } from '@dangvu/subgraph-kit';
import { accountActor, type AccountSubject } from '../policy.ts';
import type { MemberRow } from '../member/member.repository.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import type { SessionEndReason } from '../session/session.repository.ts';
import type { AccountSecrets } from './account-secrets.ts';
import type { AccountRow } from './account.repository.ts';
import { accountEntity, accountMachine, type AccountAction } from './account.machine.ts';
import type { PasswordHasher } from './passwords.ts';
import { passwordErrors } from './password.rules.ts';
import { ACTIVATION_DAYS, normalUsername, SIGN_IN_LIMITS } from './sign-in-limits.ts';

/** No 0/O or 1/I: the code is read aloud to elderly members and typed on phones. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function activationCode(): string {
  const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface AccountLifecycleDeps {
  passwords: PasswordHasher;
  secrets: AccountSecrets;
  now: () => Date;
}

/** Windows that lock sign-in; an activation code's attempts are counted apart. */
const SIGN_IN_KINDS = ['PASSWORD', 'SECOND_FACTOR'] as const;

export interface AccountPayload {
  account: AccountRow | null;
  userErrors: UserError[];
}

const refused = (code: string, field: string | null, message: string) => ({ account: null, userErrors: [{ code, field, message }] });

/**
 * An account's life (docs/rules/accounts.md): issued (and issued again, for a forgotten password) by a
 * secretary, deputy or administrator over the member's organization with a one-time code shown once,
 * activated by the member with a password of their own and changed by them later, locked, unlocked or
 * revoked by an administrator. Nobody acts on their own account, nor on the account of someone holding
 * roles they do not cover. Each step is audited against the member's record.
 */
export function accountLifecycleService(store: MembersStore, context: RequestContext, { passwords, secrets, now }: AccountLifecycleDeps) {
  const { identity } = context;
  const audit = auditor(context);

  /** A new one-time code, and what the account keeps of it: the keyed hash and when it stops working. */
  function freshActivation(from: Date) {
    const code = activationCode();
    return { code, activationCodeHash: secrets.activationHash(code), activationExpiresAt: new Date(from.getTime() + ACTIVATION_DAYS * 86_400_000) };
  }

  /** Whether either sign-in window of the username is full now. */
  async function signInLocked(repos: Repositories, username: string) {
    const windows = await repos.signInWindows.openWindows([username], now());
    return windows.some((window) => window.attempts >= SIGN_IN_LIMITS[window.kind].attempts);
  }

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

  /** Roles with which an officer may attempt each action at all; without any of them over the member, FORBIDDEN. */
  const OFFICER_ROLES: Partial<Record<AccountAction, readonly Role[]>> = {
    ISSUE: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'],
    REISSUE: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'],
    CLEAR_SIGN_IN_LOCK: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'],
    LOCK: ['ADMIN'],
    UNLOCK: ['ADMIN'],
    REVOKE: ['ADMIN'],
  };

  /**
   * The account machine's decision on an officer's action: the state it leads to, or the refusal as a user
   * error. A caller with no reach over the member at all is FORBIDDEN, and learns nothing of the account.
   */
  function decide(action: AccountAction, member: MemberRow & AccountSubject, account: AccountRow | null, locked = false) {
    const actor = accountActor(identity, member);
    if (!holdsAny(actor, OFFICER_ROLES[action] ?? [])) throw forbidden();
    return transition(accountMachine, accountEntity(account, locked, member.activityStatus), action, actor);
  }

  const STATUS_STEPS = {
    LOCK: { audit: 'account.locked', ends: 'ACCOUNT_LOCKED' },
    UNLOCK: { audit: 'account.unlocked', ends: null },
    REVOKE: { audit: 'account.revoked', ends: 'ACCOUNT_REVOKED' },
  } as const satisfies Record<string, { audit: string; ends: SessionEndReason | null }>;

  function setStatus(memberId: string, action: keyof typeof STATUS_STEPS) {
    return store.transaction(async (repos): Promise<AccountPayload> => {
      const member = await target(repos, memberId);
      const account = await repos.accounts.ofMemberForUpdate(member.id);
      const decision = decide(action, member, account);
      if (!decision.ok) return { account: null, userErrors: [decision.error] };
      const updated = await repos.accounts.update(account!.id, { status: decision.to as AccountRow['status'] });
      const { audit: step, ends } = STATUS_STEPS[action];
      if (ends) await repos.sessions.endAllOf(account!.id, ends, now());
      else await repos.signInWindows.clear(account!.username, SIGN_IN_KINDS);
      await record(repos, step, member, account, updated);
      return { account: updated, userErrors: [] };
    });
  }

  return {
    /** Returns the code once; only its hash is kept. The username is the member's citizen ID, which they know. */
    async issue(memberId: string): Promise<AccountPayload & { activationCode: string | null }> {
      return store.transaction(async (repos) => {
        const member = await target(repos, memberId);
        const decision = decide('ISSUE', member, await repos.accounts.ofMemberForUpdate(member.id));
        if (!decision.ok) return { account: null, userErrors: [decision.error], activationCode: null };
        if (await repos.accounts.usernameTaken(member.citizenId)) {
          return { ...refused('USERNAME_TAKEN', 'memberId', 'Số CCCD của đảng viên đã được dùng làm tên đăng nhập.'), activationCode: null };
        }
        const { code, ...activation } = freshActivation(now());
        const account = await repos.accounts.insert({ memberId: member.id, username: member.citizenId, status: 'PENDING', ...activation });
        await record(repos, 'account.issued', member, null, account);
        return { account, userErrors: [], activationCode: code };
      });
    },

    /**
     * The member's own step: no sign-in needed, the one-time code is the proof. Each try is counted against the
     * code before it is compared, and a code that has had its tries works no more: the secretary issues a new one.
     */
    async activate(input: { username: string; activationCode: string; password: string }): Promise<AccountPayload> {
      const username = normalUsername(input.username);
      const weak = passwordErrors(input.password, username);
      if (weak.length) return { account: null, userErrors: weak };
      return store.transaction(async (repos) => {
        const at = now();
        const account = await repos.accounts.byUsernameForUpdate(username);
        const tried = await repos.signInWindows.claim(username, 'ACTIVATION', SIGN_IN_LIMITS.ACTIVATION, at);
        const holdsCode =
          tried &&
          account?.activationCodeHash === secrets.activationHash(input.activationCode) &&
          account.activationExpiresAt !== null &&
          account.activationExpiresAt > at;
        const decision = transition(accountMachine, accountEntity(account), 'ACTIVATE', { self: false, rolesOver: [], coveringRoles: [], holdsActivationCode: holdsCode });
        if (!decision.ok || !account) return { account: null, userErrors: decision.ok ? [] : [decision.error] };
        const activated = await repos.accounts.update(account.id, {
          status: 'ACTIVE',
          passwordHash: await passwords.hash(input.password),
          activationCodeHash: null,
          activationExpiresAt: null,
        });
        await repos.signInWindows.clear(username, ['ACTIVATION', ...SIGN_IN_KINDS]);
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
        const account = await repos.accounts.ofMemberForUpdate(member.id);
        const decision = decide('REISSUE', member, account);
        if (!decision.ok) return { account: null, userErrors: [decision.error], activationCode: null };
        const { code, ...activation } = freshActivation(now());
        const reissued = await repos.accounts.update(account!.id, {
          ...activation,
          status: 'PENDING',
          passwordHash: null,
          totpSecret: null,
          totpEnabledAt: null,
          totpLastStep: null,
        });
        // The new code gets its own tries; whoever signed in with the old password is signed out.
        await repos.signInWindows.clear(account!.username, ['ACTIVATION', ...SIGN_IN_KINDS]);
        await repos.sessions.endAllOf(account!.id, 'ACCOUNT_REISSUED', now());
        await record(repos, 'account.reissued', member, account, reissued);
        return { account: reissued, userErrors: [], activationCode: code };
      });
    },

    /**
     * The signed-in member chooses a new password, proving the current one; each try counts in the password
     * window before it is checked. Every session of the account ends, this one too: the member signs in again.
     */
    async changePassword(input: { currentPassword: string; newPassword: string }): Promise<AccountPayload> {
      const personId = identity.personId;
      if (!personId) throw forbidden();
      return store.transaction(async (repos) => {
        const account = await repos.accounts.ofMemberForUpdate(personId);
        if (!account?.passwordHash || account.status !== 'ACTIVE') throw notFound('tài khoản đang dùng');
        const { attempts, seconds } = SIGN_IN_LIMITS.PASSWORD;
        if (!(await repos.signInWindows.claim(account.username, 'PASSWORD', SIGN_IN_LIMITS.PASSWORD, now()))) {
          return refused('ACCOUNT_LOCKED', 'currentPassword', `Đã thử ${attempts} lần trong ${seconds / 60} phút: đồng chí hãy chờ hết ${seconds / 60} phút đó rồi thử lại.`);
        }
        if (!(await passwords.verify(account.passwordHash, input.currentPassword))) {
          return refused('WRONG_PASSWORD', 'currentPassword', 'Mật khẩu hiện tại không đúng.');
        }
        const weak = passwordErrors(input.newPassword, account.username).map((error) => ({ ...error, field: 'newPassword' }));
        if (weak.length) return { account: null, userErrors: weak };
        const changed = await repos.accounts.update(account.id, { passwordHash: await passwords.hash(input.newPassword) });
        await repos.signInWindows.clear(account.username, SIGN_IN_KINDS);
        await repos.sessions.endAllOf(account.id, 'PASSWORD_CHANGED', now());
        await record(repos, 'account.passwordChanged', (await repos.members.byId(account.memberId))!, account, changed);
        return { account: changed, userErrors: [] };
      });
    },

    lock: (memberId: string) => setStatus(memberId, 'LOCK'),
    unlock: (memberId: string) => setStatus(memberId, 'UNLOCK'),
    revoke: (memberId: string) => setStatus(memberId, 'REVOKE'),

    /**
     * Ends a lock-out before its window does (docs/rules/accounts.md#lock-out), for an officer who could reissue
     * the account and who has seen that the member is who they say; audited on the member's trail.
     */
    async clearSignInLock(memberId: string): Promise<AccountPayload> {
      return store.transaction(async (repos) => {
        const member = await target(repos, memberId);
        const account = await repos.accounts.ofMemberForUpdate(member.id);
        const decision = decide('CLEAR_SIGN_IN_LOCK', member, account, account !== null && (await signInLocked(repos, account.username)));
        if (!decision.ok) return { account: null, userErrors: [decision.error] };
        await repos.signInWindows.clear(account!.username, SIGN_IN_KINDS);
        await record(repos, 'account.signInLockCleared', member, account, account!);
        return { account, userErrors: [] };
      });
    },

    /**
     * What the caller may do with the member's account now (`NONE`: no account yet), as the account machine
     * decides; its guards too, since its actions take no input (a lock-out is cleared only while there is one).
     */
    async availableActions(memberId: string, account: AccountRow | null): Promise<AccountAction[]> {
      const member = await target(store.repos, memberId);
      const actor = accountActor(identity, member);
      const entity = accountEntity(account, account !== null && (await signInLocked(store.repos, account.username)), member.activityStatus);
      return availableActions(accountMachine, entity, actor).filter((action) => transition(accountMachine, entity, action, actor).ok);
    },
  };
}

export type AccountLifecycleService = ReturnType<typeof accountLifecycleService>;

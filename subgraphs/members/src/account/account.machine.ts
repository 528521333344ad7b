import { defineMachine, holdsAny, type Refusal, type Relation, type Role, type UserError } from '@dangvu/subgraph-kit';
import { isTerminal, STATUS_NAMES, type ActivityStatus } from '../member/status/status.rules.ts';

/** `NONE`: the member has no account yet, the one state `ISSUE` starts from. */
export type AccountState = 'NONE' | 'PENDING' | 'ACTIVE' | 'LOCKED' | 'REVOKED';
export type AccountAction = 'ISSUE' | 'ACTIVATE' | 'REISSUE' | 'CHANGE_PASSWORD' | 'LOCK' | 'UNLOCK' | 'REVOKE' | 'CLEAR_SIGN_IN_LOCK';

export interface AccountEntity {
  state: AccountState;
  /** Whether a password was ever set: unlocking returns such an account to use, others to waiting for activation. */
  hasPassword: boolean;
  /** Sign-in is refused for now after too many attempts (docs/rules/accounts.md#lock-out), which is not the `LOCKED` state. */
  signInLocked: boolean;
  /** The holder's activity status, where the action depends on it (unlocking); null where it was not read. */
  memberStatus: ActivityStatus | null;
}

/** What the machine needs of an account row, or of its absence, and whether its sign-in is locked for now. */
export function accountEntity(
  account: { status: Exclude<AccountState, 'NONE'>; passwordHash: string | null } | null,
  signInLocked = false,
  memberStatus: ActivityStatus | null = null,
): AccountEntity {
  return account
    ? { state: account.status, hasPassword: account.passwordHash !== null, signInLocked, memberStatus }
    : { state: 'NONE', hasPassword: false, signInLocked: false, memberStatus };
}

/**
 * The caller's relation to the account, worked out by the members policy: `self` when it is their own,
 * `rolesOver` the roles they hold with reach over the holder's organization.
 */
export interface AccountActor extends Relation {
  /**
   * The caller's roles whose grants cover every role the account's holder holds: each of the holder's grants
   * lies strictly inside the subtree of the caller's grant of that role, so none is of equal or greater power
   * nor reaches beyond the caller (docs/rules/accounts.md#who-acts-on-an-account). Every role when the holder
   * holds none.
   */
  coveringRoles: readonly Role[];
  /** The caller gave this account's current one-time activation code, before it expired. */
  holdsActivationCode: boolean;
}

const ISSUERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];
const ADMINISTRATORS: readonly Role[] = ['ADMIN'];
const FIELD = 'memberId';

const covers = (actor: AccountActor, roles: readonly Role[]) => actor.coveringRoles.some((role) => roles.includes(role));

/**
 * Officers act on accounts other than their own, of holders whose roles they cover: otherwise a deputy could
 * reissue their secretary's account, take the one-time code and sign in as the secretary.
 */
const mayAdminister = (roles: readonly Role[]) => (actor: AccountActor) => !actor.self && holdsAny(actor, roles) && covers(actor, roles);

const refused = (code: string, message: string, field: string | null = FIELD): UserError => ({ code, field, message });

const NO_ACCOUNT = refused('NO_ACCOUNT', 'Đảng viên chưa được cấp tài khoản.');
const NOT_SIGN_IN_LOCKED = refused('NOT_SIGN_IN_LOCKED', 'Tài khoản không bị tạm khóa đăng nhập.');

/**
 * A terminal status locked the account by the committee's decision (docs/rules/accounts.md#terminal-members):
 * no administrator reopens it; only a new decision on the member's status could.
 */
const membershipEnded =
  (what: string) =>
  (account: AccountEntity): UserError | null => {
    if (!account.memberStatus || !isTerminal(account.memberStatus)) return null;
    return refused(
      'MEMBERSHIP_ENDED',
      `Không thể ${what}: theo quyết định của cấp ủy, đảng viên ${STATUS_NAMES[account.memberStatus]}, nên không được dùng tài khoản.`,
    );
  };

/** Tells an officer why they may not act on this account, where the reason is the account-takeover rule. */
function administrationRefusal(actor: AccountActor, action: string, roles: readonly Role[]): UserError | null {
  if (actor.self) return refused('FORBIDDEN_ACTION', `Đồng chí không thể tự ${action} của chính mình: việc này do cấp trên thực hiện.`);
  if (holdsAny(actor, roles) && !covers(actor, roles)) {
    return refused(
      'FORBIDDEN_ACTION',
      `Người giữ tài khoản này có chức vụ ngang hoặc cao hơn quyền của đồng chí, nên việc ${action} phải do cấp trên của người đó thực hiện.`,
    );
  }
  return null;
}

/** The refusals that partners already branch on, and the takeover rule's own explanation. */
const officerRefusal =
  (action: string, roles: readonly Role[], illegal: Partial<Record<AccountState, UserError>> = {}) =>
  (reason: Refusal, state: AccountState, actor: AccountActor) =>
    reason === 'FORBIDDEN_ACTION'
      ? administrationRefusal(actor, action, roles)
      : state === 'NONE'
        ? NO_ACCOUNT
        : (illegal[state] ?? null);

const INVALID_ACTIVATION = refused(
  'INVALID_ACTIVATION',
  'Mã kích hoạt không đúng hoặc đã hết hạn. Hãy nhờ bí thư chi bộ cấp mã mới.',
  'activationCode',
);

/**
 * An account's life (docs/rules/accounts.md): issued with a one-time code by a secretary, deputy or administrator
 * over the member, activated by whoever holds the code with a password of their own, its code issued again for
 * a forgotten password or a lost authenticator, its password changed by the member, locked, unlocked or
 * revoked by an administrator over the member, its sign-in lock-out cleared by an officer who could reissue it.
 * Revoked is final.
 */
export const accountMachine = defineMachine<AccountState, AccountAction, AccountActor, AccountEntity>({
  subject: 'tài khoản',
  states: {
    NONE: 'chưa được cấp',
    PENDING: 'đang chờ kích hoạt',
    ACTIVE: 'đang được sử dụng',
    LOCKED: 'đang bị khóa',
    REVOKED: 'đã bị thu hồi',
  },
  stateOf: (account) => account.state,
  field: FIELD,
  actions: {
    ISSUE: {
      label: 'cấp tài khoản',
      from: ['NONE'],
      to: 'PENDING',
      allowed: mayAdminister(ISSUERS),
      guard: membershipEnded('cấp tài khoản'),
      refusal: (reason, _state, actor) =>
        reason === 'FORBIDDEN_ACTION' ? administrationRefusal(actor, 'cấp tài khoản', ISSUERS) : refused('ACCOUNT_EXISTS', 'Đảng viên đã có tài khoản.'),
    },
    // The code is the proof: no sign-in is needed, and a refusal says nothing of the account's state.
    ACTIVATE: {
      label: 'kích hoạt tài khoản',
      from: ['PENDING'],
      to: 'ACTIVE',
      allowed: (actor) => actor.holdsActivationCode,
      refusal: () => INVALID_ACTIVATION,
    },
    REISSUE: {
      label: 'cấp lại mã kích hoạt',
      from: ['PENDING', 'ACTIVE'],
      to: 'PENDING',
      allowed: mayAdminister(ISSUERS),
      guard: membershipEnded('cấp lại mã kích hoạt'),
      refusal: officerRefusal('cấp lại mã kích hoạt cho tài khoản', ISSUERS, {
        LOCKED: refused('ILLEGAL_TRANSITION', 'Tài khoản đang bị khóa: quản trị viên cần mở khóa trước khi cấp lại mã.'),
      }),
    },
    CHANGE_PASSWORD: { label: 'đổi mật khẩu', from: ['ACTIVE'], to: 'ACTIVE', allowed: (actor) => actor.self, field: null },
    LOCK: {
      label: 'khóa tài khoản',
      from: ['PENDING', 'ACTIVE'],
      to: 'LOCKED',
      allowed: mayAdminister(ADMINISTRATORS),
      refusal: officerRefusal('khóa tài khoản', ADMINISTRATORS),
    },
    // An account locked before it was activated goes back to waiting for its activation.
    UNLOCK: {
      label: 'mở khóa tài khoản',
      from: ['LOCKED'],
      to: (account) => (account.hasPassword ? 'ACTIVE' : 'PENDING'),
      allowed: mayAdminister(ADMINISTRATORS),
      guard: membershipEnded('mở khóa'),
      refusal: officerRefusal('mở khóa tài khoản', ADMINISTRATORS),
    },
    REVOKE: {
      label: 'thu hồi tài khoản',
      from: ['PENDING', 'ACTIVE', 'LOCKED'],
      to: 'REVOKED',
      allowed: mayAdminister(ADMINISTRATORS),
      refusal: officerRefusal('thu hồi tài khoản', ADMINISTRATORS),
    },
    // The officers who would reissue the account may end a lock-out sooner than its window, for a member they know.
    CLEAR_SIGN_IN_LOCK: {
      label: 'mở tạm khóa đăng nhập',
      from: ['ACTIVE'],
      to: 'ACTIVE',
      allowed: mayAdminister(ISSUERS),
      guard: (account) => (account.signInLocked ? null : NOT_SIGN_IN_LOCKED),
      refusal: officerRefusal('mở tạm khóa đăng nhập cho tài khoản', ISSUERS),
    },
  },
});

import { availableActions, ROLES, transition } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
// The kit's vitest helper is not exported by a package entry yet (see the kit's testing index).
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { accountEntity, accountMachine, type AccountActor } from './account.machine.ts';

const actor = (overrides: Partial<AccountActor>): AccountActor => ({
  self: false,
  rolesOver: [],
  coveringRoles: ROLES,
  holdsActivationCode: false,
  ...overrides,
});

const actors = {
  holder: actor({ self: true }),
  secretarySelf: actor({ self: true, rolesOver: ['SECRETARY'] }),
  adminSelf: actor({ self: true, rolesOver: ['ADMIN'] }),
  plainMember: actor({}),
  codeHolder: actor({ coveringRoles: [], holdsActivationCode: true }),
  secretaryOver: actor({ rolesOver: ['SECRETARY'] }),
  deputyOver: actor({ rolesOver: ['DEPUTY_SECRETARY'] }),
  financeOver: actor({ rolesOver: ['FINANCE_MEMBER', 'ANALYST'] }),
  deputyOverOwnSecretary: actor({ rolesOver: ['DEPUTY_SECRETARY'], coveringRoles: [] }),
  adminOver: actor({ rolesOver: ['ADMIN'] }),
  // A commune's secretary who is also an administrator of the holder's own cell, where the holder is deputy.
  secretaryAboveAdminBeside: actor({ rolesOver: ['SECRETARY', 'ADMIN'], coveringRoles: ['SECRETARY'] }),
  adminOverHigherOfficer: actor({ rolesOver: ['ADMIN', 'SECRETARY'], coveringRoles: [] }),
  officerOutside: actor({ coveringRoles: [] }),
  anonymous: actor({ coveringRoles: [] }),
};

const ILLEGAL = 'ILLEGAL_TRANSITION';
const FORBIDDEN = 'FORBIDDEN_ACTION';

describeMachineTable(accountMachine, {
  states: {
    NONE: { state: 'NONE', hasPassword: false, signInLocked: false, memberStatus: 'ACTIVE' },
    PENDING: { state: 'PENDING', hasPassword: false, signInLocked: false, memberStatus: 'ACTIVE' },
    ACTIVE: { state: 'ACTIVE', hasPassword: true, signInLocked: true, memberStatus: 'ACTIVE' },
    LOCKED: { state: 'LOCKED', hasPassword: true, signInLocked: false, memberStatus: 'ACTIVE' },
    REVOKED: { state: 'REVOKED', hasPassword: true, signInLocked: false, memberStatus: 'ACTIVE' },
  },
  actors,
  expected: {
    ISSUE: {
      'secretaryOver deputyOver adminOver secretaryAboveAdminBeside': {
        NONE: 'PENDING',
        PENDING: 'ACCOUNT_EXISTS',
        ACTIVE: 'ACCOUNT_EXISTS',
        LOCKED: 'ACCOUNT_EXISTS',
        REVOKED: 'ACCOUNT_EXISTS',
      },
      'holder secretarySelf adminSelf plainMember codeHolder financeOver deputyOverOwnSecretary adminOverHigherOfficer officerOutside anonymous':
        FORBIDDEN,
    },
    ACTIVATE: {
      codeHolder: {
        NONE: 'INVALID_ACTIVATION',
        PENDING: 'ACTIVE',
        ACTIVE: 'INVALID_ACTIVATION',
        LOCKED: 'INVALID_ACTIVATION',
        REVOKED: 'INVALID_ACTIVATION',
      },
      'holder secretarySelf adminSelf plainMember secretaryOver deputyOver financeOver deputyOverOwnSecretary adminOver secretaryAboveAdminBeside adminOverHigherOfficer officerOutside anonymous':
        'INVALID_ACTIVATION',
    },
    REISSUE: {
      'secretaryOver deputyOver adminOver secretaryAboveAdminBeside': { NONE: 'NO_ACCOUNT', PENDING: 'PENDING', ACTIVE: 'PENDING', LOCKED: ILLEGAL, REVOKED: ILLEGAL },
      'holder secretarySelf adminSelf plainMember codeHolder financeOver deputyOverOwnSecretary adminOverHigherOfficer officerOutside anonymous':
        FORBIDDEN,
    },
    CHANGE_PASSWORD: {
      'holder secretarySelf adminSelf': { NONE: ILLEGAL, PENDING: ILLEGAL, ACTIVE: 'ACTIVE', LOCKED: ILLEGAL, REVOKED: ILLEGAL },
      'plainMember codeHolder secretaryOver deputyOver financeOver deputyOverOwnSecretary adminOver secretaryAboveAdminBeside adminOverHigherOfficer officerOutside anonymous':
        FORBIDDEN,
    },
    LOCK: {
      adminOver: { NONE: 'NO_ACCOUNT', PENDING: 'LOCKED', ACTIVE: 'LOCKED', LOCKED: ILLEGAL, REVOKED: ILLEGAL },
      'holder secretarySelf adminSelf plainMember codeHolder secretaryOver deputyOver financeOver deputyOverOwnSecretary adminOverHigherOfficer secretaryAboveAdminBeside officerOutside anonymous':
        FORBIDDEN,
    },
    UNLOCK: {
      adminOver: { NONE: 'NO_ACCOUNT', PENDING: ILLEGAL, ACTIVE: ILLEGAL, LOCKED: 'ACTIVE', REVOKED: ILLEGAL },
      'holder secretarySelf adminSelf plainMember codeHolder secretaryOver deputyOver financeOver deputyOverOwnSecretary adminOverHigherOfficer secretaryAboveAdminBeside officerOutside anonymous':
        FORBIDDEN,
    },
    REVOKE: {
      adminOver: { NONE: 'NO_ACCOUNT', PENDING: 'REVOKED', ACTIVE: 'REVOKED', LOCKED: 'REVOKED', REVOKED: ILLEGAL },
      'holder secretarySelf adminSelf plainMember codeHolder secretaryOver deputyOver financeOver deputyOverOwnSecretary adminOverHigherOfficer secretaryAboveAdminBeside officerOutside anonymous':
        FORBIDDEN,
    },
    // The table's ACTIVE account is locked out of sign-in for now.
    CLEAR_SIGN_IN_LOCK: {
      'secretaryOver deputyOver adminOver secretaryAboveAdminBeside': { NONE: 'NO_ACCOUNT', PENDING: ILLEGAL, ACTIVE: 'ACTIVE', LOCKED: ILLEGAL, REVOKED: ILLEGAL },
      'holder secretarySelf adminSelf plainMember codeHolder financeOver deputyOverOwnSecretary adminOverHigherOfficer officerOutside anonymous':
        FORBIDDEN,
    },
  },
});

const active = accountEntity({ status: 'ACTIVE', passwordHash: 'argon2…' });

describe('the account lifecycle beyond the table', () => {
  it('returns an account locked before its activation to waiting for it', () => {
    const lockedUnused = accountEntity({ status: 'LOCKED', passwordHash: null });
    expect(transition(accountMachine, lockedUnused, 'UNLOCK', actors.adminOver)).toEqual({ ok: true, from: 'LOCKED', to: 'PENDING' });
  });

  it('refuses to unlock the account of a member whose membership ended, naming the status, and still unlocks a live member’s', () => {
    const names = { REMOVED: 'đã bị xóa tên', EXPELLED: 'đã bị khai trừ', DECEASED: 'đã từ trần', TRANSFERRED_OUT: 'đã chuyển ra khỏi hệ thống' } as const;
    for (const [status, name] of Object.entries(names) as [keyof typeof names, string][]) {
      expect(transition(accountMachine, accountEntity({ status: 'LOCKED', passwordHash: 'argon2…' }, false, status), 'UNLOCK', actors.adminOver)).toEqual({
        ok: false,
        error: { code: 'MEMBERSHIP_ENDED', field: 'memberId', message: `Không thể mở khóa: theo quyết định của cấp ủy, đảng viên ${name}, nên không được dùng tài khoản.` },
      });
    }
    for (const status of ['ACTIVE', 'EXEMPT', 'TEMP_EXEMPT', 'TEMP_AWAY', 'ABROAD', 'IN_TRANSFER'] as const) {
      expect(transition(accountMachine, accountEntity({ status: 'LOCKED', passwordHash: 'argon2…' }, false, status), 'UNLOCK', actors.adminOver)).toMatchObject({ ok: true, to: 'ACTIVE' });
    }
  });

  it('issues no account, nor a new code, to a member whose membership ended, and says why', () => {
    const issue = transition(accountMachine, accountEntity(null, false, 'DECEASED'), 'ISSUE', actors.adminOver);
    expect(issue).toEqual({ ok: false, error: { code: 'MEMBERSHIP_ENDED', field: 'memberId', message: 'Không thể cấp tài khoản: theo quyết định của cấp ủy, đảng viên đã từ trần, nên không được dùng tài khoản.' } });
    const reissue = transition(accountMachine, accountEntity({ status: 'ACTIVE', passwordHash: 'argon2…' }, false, 'REMOVED'), 'REISSUE', actors.adminOver);
    expect(reissue).toMatchObject({ ok: false, error: { code: 'MEMBERSHIP_ENDED' } });
    expect(transition(accountMachine, accountEntity(null, false, 'EXEMPT'), 'ISSUE', actors.adminOver)).toMatchObject({ ok: true, to: 'PENDING' });
  });

  it('tells an officer acting on their own account why not, in Vietnamese', () => {
    expect(transition(accountMachine, active, 'REISSUE', actors.secretarySelf)).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN_ACTION',
        field: 'memberId',
        message: 'Đồng chí không thể tự cấp lại mã kích hoạt cho tài khoản của chính mình: việc này do cấp trên thực hiện.',
      },
    });
  });

  it('tells a deputy over their own secretary that the secretary’s superior does it', () => {
    const refusal = transition(accountMachine, active, 'REISSUE', actors.deputyOverOwnSecretary);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION', field: 'memberId' } });
    expect(!refusal.ok && refusal.error.message).toContain('chức vụ ngang hoặc cao hơn quyền của đồng chí');
  });

  it('refuses a wrong activation code the same way whatever the account’s state, on the code field', () => {
    for (const status of ['PENDING', 'ACTIVE', 'REVOKED'] as const) {
      expect(transition(accountMachine, accountEntity({ status, passwordHash: null }), 'ACTIVATE', actors.anonymous)).toEqual({
        ok: false,
        error: { code: 'INVALID_ACTIVATION', field: 'activationCode', message: expect.stringContaining('Mã kích hoạt không đúng') },
      });
    }
  });

  it('clears a sign-in lock-out only while there is one', () => {
    expect(transition(accountMachine, active, 'CLEAR_SIGN_IN_LOCK', actors.secretaryOver)).toEqual({
      ok: false,
      error: { code: 'NOT_SIGN_IN_LOCKED', field: 'memberId', message: 'Tài khoản không bị tạm khóa đăng nhập.' },
    });
  });

  it('tells a deputy asked to clear their own secretary’s lock-out that the secretary’s superior does it', () => {
    const refusal = transition(accountMachine, accountEntity({ status: 'ACTIVE', passwordHash: 'argon2…' }, true), 'CLEAR_SIGN_IN_LOCK', actors.deputyOverOwnSecretary);
    expect(!refusal.ok && refusal.error).toMatchObject({ code: 'FORBIDDEN_ACTION', message: expect.stringContaining('mở tạm khóa đăng nhập') });
  });

  it('offers each caller the actions they may take, for the screens to show', () => {
    // Guards are not consulted here: the service keeps CLEAR_SIGN_IN_LOCK only while there is a lock-out.
    expect(availableActions(accountMachine, active, actors.adminOver)).toEqual(['REISSUE', 'LOCK', 'REVOKE', 'CLEAR_SIGN_IN_LOCK']);
    expect(availableActions(accountMachine, active, actors.secretaryOver)).toEqual(['REISSUE', 'CLEAR_SIGN_IN_LOCK']);
    expect(availableActions(accountMachine, active, actors.adminSelf)).toEqual(['CHANGE_PASSWORD']);
    expect(availableActions(accountMachine, accountEntity(null), actors.deputyOver)).toEqual(['ISSUE']);
    expect(availableActions(accountMachine, accountEntity(null), actors.adminOverHigherOfficer)).toEqual([]);
  });
});

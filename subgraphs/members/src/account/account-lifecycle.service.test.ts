import { randomBytes } from 'node:crypto';
import { fakeStore, type AuditEntryInput, type Identity } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../member/member.repository.ts';
import type { Repositories } from '../repositories.ts';
import type { RoleGrantRow } from '../role/role-grant.repository.ts';
import type { AccountRow } from './account.repository.ts';
import { accountSecrets } from './account-secrets.ts';
import { accountLifecycleService } from './account-lifecycle.service.ts';
import type { PasswordHasher } from './passwords.ts';

const CELL = '/p/w/c/';
const MEMBER_ID = '00000000-0000-4000-8000-000000000001';

/** In-memory repositories: just enough of each for the account lifecycle's rules, no database. */
function fakes(initial: { account?: Partial<AccountRow>; grants?: Pick<RoleGrantRow, 'role' | 'orgId' | 'orgPath'>[]; signInAttempts?: number } = {}) {
  const member = { id: MEMBER_ID, orgPath: CELL, citizenId: '037190000222' } as MemberRow;
  let account: AccountRow | null = initial.account ? ({ id: 'acc-1', memberId: MEMBER_ID, username: member.citizenId, ...initial.account } as AccountRow) : null;
  const audited: AuditEntryInput[] = [];
  const ended: string[] = [];
  const cleared: string[][] = [];
  const windows = initial.signInAttempts ? [{ username: member.citizenId, kind: 'PASSWORD', attempts: initial.signInAttempts }] : [];
  const repos = {
    members: { byId: async (id: string) => (id === MEMBER_ID ? member : null) },
    roleGrants: { activeOf: async () => initial.grants ?? [] },
    accounts: {
      ofMemberForUpdate: async () => account,
      usernameTaken: async () => false,
      insert: async (row: Partial<AccountRow>) => (account = { id: 'acc-1', ...row } as AccountRow),
      update: async (_id: string, changes: Partial<AccountRow>) => (account = { ...account!, ...changes }),
    },
    signInWindows: { claim: async () => true, clear: async (_username: string, kinds: string[]) => void cleared.push(kinds), openWindows: async () => windows },
    sessions: { endAllOf: async (_accountId: string, reason: string) => ended.push(reason) },
    audit: { append: async (entries: readonly AuditEntryInput[]) => void audited.push(...entries) },
  } as unknown as Repositories;
  return { store: fakeStore(repos), audited, ended, cleared, current: () => account };
}

const passwords: PasswordHasher = { hash: async (password) => `hashed:${password}`, verify: async (hash, password) => hash === `hashed:${password}` };
const deps = { passwords, secrets: accountSecrets(randomBytes(32)), now: () => new Date('2026-12-01T03:00:00Z') };

const officer = (role: 'ADMIN' | 'SECRETARY', orgPath: string, personId = '00000000-0000-4000-8000-0000000000aa'): Identity => ({
  personId,
  grants: [{ role, orgId: orgPath.split('/').at(-2)!, orgPath }],
  partner: null,
});
const context = (identity: Identity) => ({ identity, requestId: 'req-1' });

describe('the account lifecycle service', () => {
  it('issues a pending account with a one-time code, audited under the caller and the request', async () => {
    const { store, audited, current } = fakes();
    const result = await accountLifecycleService(store, context(officer('SECRETARY', CELL)), deps).issue(MEMBER_ID);
    expect(result.userErrors).toEqual([]);
    expect(result.activationCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(current()?.status).toBe('PENDING');
    expect(audited).toEqual([expect.objectContaining({ action: 'account.issued', actorId: '00000000-0000-4000-8000-0000000000aa', requestId: 'req-1', subjectMemberId: MEMBER_ID })]);
  });

  it('refuses a second account with ACCOUNT_EXISTS and writes nothing', async () => {
    const { store, audited } = fakes({ account: { status: 'ACTIVE' } });
    const result = await accountLifecycleService(store, context(officer('SECRETARY', CELL)), deps).issue(MEMBER_ID);
    expect(result.userErrors.map((error) => error.code)).toEqual(['ACCOUNT_EXISTS']);
    expect(audited).toEqual([]);
  });

  it('refuses to lock a revoked account with ILLEGAL_TRANSITION', async () => {
    const { store, current } = fakes({ account: { status: 'REVOKED' } });
    const result = await accountLifecycleService(store, context(officer('ADMIN', '/p/w/')), deps).lock(MEMBER_ID);
    expect(result.userErrors.map((error) => error.code)).toEqual(['ILLEGAL_TRANSITION']);
    expect(current()?.status).toBe('REVOKED');
  });

  it('unlocks to pending an account that was never activated', async () => {
    const { store, current } = fakes({ account: { status: 'LOCKED', passwordHash: null } });
    await accountLifecycleService(store, context(officer('ADMIN', '/p/w/')), deps).unlock(MEMBER_ID);
    expect(current()?.status).toBe('PENDING');
  });

  it('refuses an administrator over a member who holds a role at the administrator’s own level', async () => {
    const { store, current, audited } = fakes({ account: { status: 'ACTIVE' }, grants: [{ role: 'SECRETARY', orgId: 'w', orgPath: '/p/w/' }] });
    const result = await accountLifecycleService(store, context(officer('ADMIN', '/p/w/')), deps).lock(MEMBER_ID);
    expect(result.userErrors.map((error) => error.code)).toEqual(['FORBIDDEN_ACTION']);
    expect([current()?.status, audited]).toEqual(['ACTIVE', []]);
  });

  it('refuses the member acting on their own account as an officer', async () => {
    const { store } = fakes({ account: { status: 'ACTIVE' } });
    const result = await accountLifecycleService(store, context(officer('SECRETARY', CELL, MEMBER_ID)), deps).reissue(MEMBER_ID);
    expect([result.userErrors.map((error) => error.code), result.activationCode]).toEqual([['FORBIDDEN_ACTION'], null]);
  });

  it('refuses an officer with no reach over the member with FORBIDDEN, telling nothing of the account', async () => {
    const { store } = fakes({ account: { status: 'ACTIVE' } });
    await expect(accountLifecycleService(store, context(officer('ADMIN', '/p/x/')), deps).revoke(MEMBER_ID)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('ends the account’s sessions when it locks, revokes or reissues it', async () => {
    const { store, ended } = fakes({ account: { status: 'ACTIVE', passwordHash: 'hashed:x' } });
    const service = accountLifecycleService(store, context(officer('ADMIN', '/p/w/')), deps);
    await service.reissue(MEMBER_ID);
    await service.lock(MEMBER_ID);
    await service.revoke(MEMBER_ID);
    expect(ended).toEqual(['ACCOUNT_REISSUED', 'ACCOUNT_LOCKED', 'ACCOUNT_REVOKED']);
  });

  it('lets the cell secretary end a sign-in lock-out, audited, and offers it only while there is one', async () => {
    const locked = fakes({ account: { status: 'ACTIVE', passwordHash: 'hashed:x' }, signInAttempts: 5 });
    const service = accountLifecycleService(locked.store, context(officer('SECRETARY', CELL)), deps);
    expect(await service.availableActions(MEMBER_ID, locked.current())).toEqual(['REISSUE', 'CLEAR_SIGN_IN_LOCK']);
    expect((await service.clearSignInLock(MEMBER_ID)).userErrors).toEqual([]);
    expect(locked.cleared).toEqual([['PASSWORD', 'SECOND_FACTOR']]);
    expect(locked.audited.map((entry) => entry.action)).toEqual(['account.signInLockCleared']);

    const notLocked = fakes({ account: { status: 'ACTIVE', passwordHash: 'hashed:x' }, signInAttempts: 4 });
    const again = accountLifecycleService(notLocked.store, context(officer('SECRETARY', CELL)), deps);
    expect(await again.availableActions(MEMBER_ID, notLocked.current())).toEqual(['REISSUE']);
    expect((await again.clearSignInLock(MEMBER_ID)).userErrors.map((error) => error.code)).toEqual(['NOT_SIGN_IN_LOCKED']);
    expect(notLocked.cleared).toEqual([]);
  });
});

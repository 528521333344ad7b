import { createHash } from 'node:crypto';
import { createDb, tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, createTestDatabase, grantRole } from '@dangvu/drizzle/testing';
import { runJob, vietnamDay } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSecrets } from '../src/account/account-secrets.ts';
import { argon2Passwords, type PasswordHasher } from '../src/account/passwords.ts';
import { signInWindowRepository } from '../src/account/sign-in-window.repository.ts';
import { signInWindowsPurge } from '../src/account/sign-in-windows.job.ts';
import { sealLegacyTotpSecrets } from '../src/account/totp-secret.ts';
import { totpCode, totpStep } from '../src/account/totp.rules.ts';
import { membersStore } from '../src/repositories.ts';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * Guessing (docs/rules/accounts.md#lock-out): attempts counted before the password is checked, windows that end
 * on their own, second-factor codes used once, activation codes with few tries, secrets kept from the database.
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let secrets: AccountSecrets;
const PASSWORD = 'Mật khẩu đủ dài 2026';
/** argon2 checks of a password, counted. */
const checks = { count: 0 };
const counting: PasswordHasher = {
  hash: argon2Passwords.hash,
  verify: (hash, password) => {
    checks.count++;
    return argon2Passwords.verify(hash, password);
  },
};
/** The subgraph's clock, which a test moves on. */
let clock = Date.parse('2026-12-01T02:00:00Z');
const minutes = (n: number) => (clock += n * 60_000);
const t = {} as { province: Node; ward: Node; cell: Node; secretary: { id: string }; deputy: { id: string } };

beforeAll(async () => {
  ({ subgraph, secrets } = await startMembersSubgraph({ passwords: counting, now: () => new Date(clock) }));
  const { db } = subgraph.db;
  t.province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: t.province, type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward });
  t.secretary = await buildMember(db, t.cell, { fullName: 'Trần Văn Bình' });
  t.deputy = await buildMember(db, t.cell, { fullName: 'Lê Thị Hoa' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await grantRole(db, t.deputy, 'DEPUTY_SECRETARY', t.cell);
  await buildAccount(db, t.secretary, 'binh.tran', PASSWORD);
  await buildAccount(db, t.deputy, 'hoa.le', PASSWORD);
});
afterAll(() => subgraph?.stop());

const LOGIN = 'mutation ($u: String!, $p: String!, $c: String) { login(input: { username: $u, password: $p, totpCode: $c }) { token userErrors { code message } } }';
const login = async (username: string, password: string, code?: string) => (await subgraph.call(LOGIN, { u: username, p: password, c: code ?? null })).data!.login;
const member = async (username: string) => {
  const { db } = subgraph.db;
  const [account] = await db.select().from(tables.accounts).where(eq(tables.accounts.username, username));
  return account!;
};

describe('guesses at once', () => {
  it('are checked five at most, however many arrive together, and then not even the right password is', async () => {
    const { db } = subgraph.db;
    const someone = await buildMember(db, t.cell);
    await buildAccount(db, someone, 'dong.loat', PASSWORD);
    checks.count = 0;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login('dong.loat', `đoán bừa số ${i} nhé`)));
    expect(answers.every((answer) => answer.userErrors[0].code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(await login('dong.loat', PASSWORD)).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(checks.count).toBeLessThanOrEqual(5);
    minutes(15);
    expect((await login('dong.loat', PASSWORD)).token).toBeTruthy();
  });

  it('are counted by one statement that grants no more than the limit on many connections at once', async () => {
    const database = await createTestDatabase();
    const pool = createDb(database.url, { max: 10 });
    try {
      const windows = signInWindowRepository(pool.db);
      const at = new Date(clock);
      const granted = await Promise.all(Array.from({ length: 40 }, () => windows.claim('song.song', 'PASSWORD', { attempts: 5, seconds: 900 }, at)));
      expect(granted.filter(Boolean)).toHaveLength(5);
    } finally {
      await pool.close();
      await database.drop();
    }
  });

  it('are counted for an unknown username as for a real one, so the answers tell nothing apart', async () => {
    checks.count = 0;
    for (let i = 0; i < 7; i++) await login('khong.co.ai', `đoán bừa số ${i} nhé`);
    expect(checks.count).toBe(5);
  });
});

describe('the windows', () => {
  it('that ended before a day are deleted by the nightly job, the others kept', async () => {
    const { db } = subgraph.db;
    const day = vietnamDay(new Date(clock));
    const dayStart = Date.parse(`${day}T00:00:00+07:00`);
    await db.insert(tables.signInWindows).values([
      { username: 'het.han', kind: 'PASSWORD', attempts: 5, endsAt: new Date(dayStart - 60_000) },
      { username: 'con.han', kind: 'PASSWORD', attempts: 1, endsAt: new Date(dayStart + 60_000) },
    ]);
    expect(await runJob(subgraph.db, signInWindowsPurge, { day })).toMatchObject({ status: 'done' });
    const left = (await db.select().from(tables.signInWindows)).map((window) => window.username);
    expect(left).toContain('con.han');
    expect(left).not.toContain('het.han');
  });
});

describe('a lock-out', () => {
  it('counts only its window: one wrong guess every fifteen minutes never locks anyone out', async () => {
    for (let i = 0; i < 8; i++) {
      await login('hoa.le', `đoán bừa số ${i} nhé`);
      minutes(15);
    }
    expect((await login('hoa.le', PASSWORD)).token).toBeTruthy();
  });

  it('ends before its window when an officer over the member clears it, audited', async () => {
    for (let i = 0; i < 5; i++) await login('hoa.le', `đoán bừa số ${i} nhé`);
    expect((await login('hoa.le', PASSWORD)).token).toBeNull();
    const CLEAR = 'mutation ($id: ID!) { clearSignInLock(input: { memberId: $id }) { account { availableActions } userErrors { code message } } }';
    const wardAdmin = personWith('00000000-0000-4000-8000-0000000000f1', 'ADMIN', t.ward.path);
    // Equal power: the cell's secretary does not act on the deputy's account, nor anyone on their own.
    const bySecretary = await subgraph.call(CLEAR, { id: t.deputy.id }, personWith(t.secretary.id, 'SECRETARY', t.cell.path));
    expect(bySecretary.data!.clearSignInLock.userErrors).toEqual([{ code: 'FORBIDDEN_ACTION', message: expect.stringMatching(/cấp trên/) }]);
    const bySelf = await subgraph.call(CLEAR, { id: t.deputy.id }, personWith(t.deputy.id, 'DEPUTY_SECRETARY', t.cell.path));
    expect(bySelf.data!.clearSignInLock.userErrors[0].code).toBe('FORBIDDEN_ACTION');
    const shown = await subgraph.call('query ($id: ID!) { member(id: $id) { account { availableActions } } }', { id: t.deputy.id }, wardAdmin);
    expect(shown.data!.member.account.availableActions).toContain('CLEAR_SIGN_IN_LOCK');

    const cleared = await subgraph.call(CLEAR, { id: t.deputy.id }, wardAdmin);
    expect(cleared.data!.clearSignInLock.userErrors).toEqual([]);
    expect(cleared.data!.clearSignInLock.account.availableActions).not.toContain('CLEAR_SIGN_IN_LOCK');
    expect((await login('hoa.le', PASSWORD)).token).toBeTruthy();
    const again = await subgraph.call(CLEAR, { id: t.deputy.id }, wardAdmin);
    expect(again.data!.clearSignInLock.userErrors[0].code).toBe('NOT_SIGN_IN_LOCKED');
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.subjectMemberId, t.deputy.id));
    expect(trail.filter((entry) => entry.action === 'account.signInLockCleared')).toHaveLength(1);
  });
});

describe('an account with a second factor', () => {
  const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  /** The code for the clock's step, or for a later one when that step was used. */
  const code = async (offset = 0) => {
    const account = await member('binh.tran');
    const step = Math.max(totpStep(new Date(clock)), (account.totpLastStep ?? 0) + 1) + offset;
    return totpCode(secrets.openTotp(account.id, account.totpSecret!).secret, step);
  };

  beforeAll(async () => {
    // Enrolled before secrets were sealed: stored in the clear, as a database from before would hold it.
    await subgraph.db.db.update(tables.accounts).set({ totpSecret: SECRET, totpEnabledAt: new Date(clock) }).where(eq(tables.accounts.username, 'binh.tran'));
  });

  it('has its clear secret sealed on first use, which then opens only with the key', async () => {
    await login('binh.tran', PASSWORD);
    const stored = (await member('binh.tran')).totpSecret!;
    expect(stored).not.toContain(SECRET);
    expect(secrets.openTotp((await member('binh.tran')).id, stored).secret).toBe(SECRET);
  });

  it('asks for the code before its password is looked at, so the answer says nothing of the password', async () => {
    checks.count = 0;
    const right = await login('binh.tran', PASSWORD);
    const wrong = await login('binh.tran', 'đoán bừa mà thôi');
    expect(right).toEqual(wrong);
    expect(right.userErrors[0].code).toBe('TOTP_REQUIRED');
    expect(checks.count).toBe(0);
  });

  it('is not locked out by guesses: a fresh code gets the password checked in its own window', async () => {
    checks.count = 0;
    for (let i = 0; i < 10; i++) expect((await login('binh.tran', `đoán bừa số ${i} nhé`, '000000')).userErrors[0].code).toBe('TOTP_INVALID');
    expect(checks.count).toBe(0);
    // The password window is full too, from wrong current passwords at a password change.
    const CHANGE = 'mutation { changePassword(input: { currentPassword: "đoán bừa mà thôi", newPassword: "Một mật khẩu mới hẳn" }) { userErrors { code } } }';
    const holder = personWith(t.secretary.id, 'SECRETARY', t.cell.path);
    for (let i = 0; i < 5; i++) await subgraph.call(CHANGE, {}, holder);
    expect((await subgraph.call(CHANGE, {}, holder)).data!.changePassword.userErrors).toEqual([{ code: 'ACCOUNT_LOCKED' }]);
    expect((await login('binh.tran', PASSWORD, await code())).token).toBeTruthy();
  });

  it('accepts a code once, even from three sign-ins at the same moment', async () => {
    minutes(1);
    const shared = await code();
    const answers = await Promise.all([1, 2, 3].map(() => login('binh.tran', PASSWORD, shared)));
    expect(answers.filter((answer) => answer.token)).toHaveLength(1);
    expect(answers.filter((answer) => answer.userErrors[0]?.code === 'TOTP_INVALID')).toHaveLength(2);
  });

  it('limits password checks after fresh codes to their own window of five', async () => {
    minutes(1);
    checks.count = 0;
    for (let i = 0; i < 6; i++) {
      minutes(0.5);
      await login('binh.tran', `đoán bừa số ${i} nhé`, await code());
    }
    expect(checks.count).toBe(5);
  });

  it('is sealed at start-up when still stored in the clear', async () => {
    const { db } = subgraph.db;
    const someone = await buildMember(db, t.cell);
    await buildAccount(db, someone, 'chua.niem', PASSWORD);
    await db.update(tables.accounts).set({ totpSecret: SECRET }).where(eq(tables.accounts.username, 'chua.niem'));
    expect(await sealLegacyTotpSecrets(membersStore(db).repos.accounts, secrets)).toBe(1);
    expect((await member('chua.niem')).totpSecret).toMatch(/^v1:/);
    expect(await sealLegacyTotpSecrets(membersStore(db).repos.accounts, secrets)).toBe(0);
  });
});

describe('an activation code', () => {
  const ISSUE = 'mutation ($id: ID!) { issueAccount(input: { memberId: $id }) { activationCode } }';
  const REISSUE = 'mutation ($id: ID!) { reissueAccount(input: { memberId: $id }) { activationCode } }';
  const ACTIVATE = 'mutation ($u: String!, $c: String!) { activateAccount(input: { username: $u, activationCode: $c, password: "Cây đa bến nước sân đình" }) { account { status } userErrors { code } } }';
  const secretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);

  it('is kept as a keyed hash, which a plain hash of the code does not match', async () => {
    const newcomer = await buildMember(subgraph.db.db, t.cell, { citizenId: '037190000555' });
    const issued = (await subgraph.call(ISSUE, { id: newcomer.id }, secretary())).data!.issueAccount.activationCode as string;
    const stored = (await member('037190000555')).activationCodeHash;
    expect(stored).not.toBe(createHash('sha256').update(issued.replace('-', '')).digest('hex'));
    expect(stored).toBe(secrets.activationHash(issued));
  });

  it('works for five tries: after five wrong codes the right one is refused, and a new code works', async () => {
    const newcomer = await buildMember(subgraph.db.db, t.cell, { citizenId: '037190000666' });
    const issued = (await subgraph.call(ISSUE, { id: newcomer.id }, secretary())).data!.issueAccount.activationCode;
    for (let i = 0; i < 5; i++) await subgraph.call(ACTIVATE, { u: '037190000666', c: `AAAAA-AAAA${i + 2}` });
    expect((await subgraph.call(ACTIVATE, { u: '037190000666', c: issued })).data!.activateAccount.userErrors).toEqual([{ code: 'INVALID_ACTIVATION' }]);
    const again = (await subgraph.call(REISSUE, { id: newcomer.id }, secretary())).data!.reissueAccount.activationCode;
    expect((await subgraph.call(ACTIVATE, { u: '037190000666', c: again })).data!.activateAccount).toEqual({ account: { status: 'ACTIVE' }, userErrors: [] });
  });
});

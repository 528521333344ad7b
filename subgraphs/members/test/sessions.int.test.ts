import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { verifyAccessToken, vietnamDay, type Identity, type importKey } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/** Sessions that can end (docs/rules/accounts.md#sessions): what ends them, and what the gateway is told. */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let publicKey: Awaited<ReturnType<typeof importKey>>;
// Real time: the tokens it signs are checked against it.
let clock = Date.now();
const seconds = (n: number) => (clock += n * 1000);
const PASSWORD = 'Mật khẩu đủ dài 2026';
const t = {} as { ward: Node; cell: Node; admin: () => Identity };

beforeAll(async () => {
  ({ subgraph, publicKey } = await startMembersSubgraph({ now: () => new Date(clock) }));
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward });
  t.admin = () => personWith('00000000-0000-4000-8000-0000000000f1', 'ADMIN', t.ward.path);
});
afterAll(() => subgraph?.stop());

const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  token refreshToken refreshExpiresAt userErrors { code } } }`;
const REFRESH = 'mutation ($r: String!) { refreshSession(input: { refreshToken: $r }) { token refreshToken rolesWithheld userErrors { code field } } }';
const STATE = 'query ($id: ID!) { sessionState(id: $id) }';

/** A member of the cell with an account, signed in once. */
async function signedIn(username: string, role?: 'DEPUTY_SECRETARY') {
  const { db } = subgraph.db;
  const member = await buildMember(db, t.cell);
  if (role) await grantRole(db, member, role, t.cell, { startsOn: '2026-01-01' });
  await buildAccount(db, member, username, PASSWORD);
  const login = (await subgraph.call(LOGIN, { u: username, p: PASSWORD })).data!.login;
  return { member, ...(await sessionOf(login.token)), refreshToken: login.refreshToken as string };
}

/** The session a token names, and the caller the gateway would sign the check for. */
async function sessionOf(token: string) {
  const verified = await verifyAccessToken(token, publicKey);
  if (!verified.ok) throw new Error('token refused');
  return { token, sid: decodeJwt(token).sid as string, identity: verified.identity };
}

const stateOf = async (session: { sid: string; identity: Identity }) => (await subgraph.call(STATE, { id: session.sid }, session.identity)).data!.sessionState;

describe('a session', () => {
  it('is named in every access token, whose header names the signing key', async () => {
    const session = await signedIn('phien.mot');
    expect(session.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(decodeProtectedHeader(session.token).kid).toEqual(expect.any(String));
    expect(await stateOf(session)).toBe('ACTIVE');
  });

  it('is told only to its own person: another caller asking about it hears that it ended', async () => {
    const session = await signedIn('phien.hai');
    expect(await stateOf({ ...session, identity: personWith('00000000-0000-4000-8000-0000000000e1') })).toBe('ENDED');
  });

  it('ends at logout, for its refresh token too', async () => {
    const session = await signedIn('phien.ba');
    const LOGOUT = 'mutation ($r: String!) { logout(input: { refreshToken: $r }) { ended } }';
    expect((await subgraph.call(LOGOUT, { r: session.refreshToken })).data!.logout.ended).toBe(true);
    expect(await stateOf(session)).toBe('ENDED');
    expect((await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession.userErrors).toEqual([{ code: 'SESSION_ENDED', field: 'refreshToken' }]);
    expect((await subgraph.call(LOGOUT, { r: 'không phải mã nào' })).data!.logout.ended).toBe(false);
  });

  it.each([
    ['locked', 'mutation ($id: ID!) { lockAccount(input: { memberId: $id }) { userErrors { code } } }', 'ACCOUNT_LOCKED'],
    ['revoked', 'mutation ($id: ID!) { revokeAccount(input: { memberId: $id }) { userErrors { code } } }', 'ACCOUNT_REVOKED'],
    ['reissued', 'mutation ($id: ID!) { reissueAccount(input: { memberId: $id }) { userErrors { code } } }', 'ACCOUNT_REISSUED'],
  ])('ends when its account is %s', async (step, mutation, reason) => {
    const session = await signedIn(`phien.${step}`);
    const other = (await subgraph.call(LOGIN, { u: `phien.${step}`, p: PASSWORD })).data!.login;
    expect((await subgraph.call(mutation, { id: session.member.id }, t.admin())).errors).toBeUndefined();
    expect([await stateOf(session), await stateOf(await sessionOf(other.token))]).toEqual(['ENDED', 'ENDED']);
    const [row] = await subgraph.db.db.select().from(tables.sessions).where(eq(tables.sessions.id, session.sid));
    expect(row!.endReason).toBe(reason);
  });

  it('ends when the member changes their password, and the new password starts another', async () => {
    const session = await signedIn('phien.doi');
    const CHANGE = 'mutation { changePassword(input: { currentPassword: "Mật khẩu đủ dài 2026", newPassword: "Một mật khẩu mới hẳn" }) { userErrors { code } } }';
    expect((await subgraph.call(CHANGE, {}, session.identity)).data!.changePassword.userErrors).toEqual([]);
    expect(await stateOf(session)).toBe('ENDED');
    const again = (await subgraph.call(LOGIN, { u: 'phien.doi', p: 'Một mật khẩu mới hẳn' })).data!.login;
    expect(await stateOf(await sessionOf(again.token))).toBe('ACTIVE');
  });

  it('tells the gateway its token is stale once a role it carries ended, and a refresh gives a token without it', async () => {
    const session = await signedIn('phien.chuc', 'DEPUTY_SECRETARY');
    expect(session.identity.grants.map((grant) => grant.role)).toEqual(['DEPUTY_SECRETARY']);
    const [grant] = await subgraph.db.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, session.member.id));
    const END = 'mutation ($id: ID!, $day: Date!) { endRole(input: { grantId: $id, endsOn: $day }) { userErrors { code } } }';
    expect((await subgraph.call(END, { id: grant!.id, day: vietnamDay(new Date(clock)) }, t.admin())).data!.endRole.userErrors).toEqual([]);
    expect(await stateOf(session)).toBe('GRANTS_CHANGED');
    const refreshed = (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession;
    const renewed = await sessionOf(refreshed.token);
    expect([renewed.sid, renewed.identity.grants, await stateOf(renewed)]).toEqual([session.sid, [], 'ACTIVE']);
  });

  it('tells the gateway its token is stale once a second factor is required of the roles it carries', async () => {
    const session = await signedIn('phien.haibuoc', 'DEPUTY_SECRETARY');
    const REQUIRE = 'mutation ($id: ID!) { requireSecondFactor(input: { organizationId: $id, required: true }) { required } }';
    await subgraph.call(REQUIRE, { id: t.cell.id }, t.admin());
    expect(await stateOf(session)).toBe('GRANTS_CHANGED');
    const refreshed = (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession;
    expect(refreshed.rolesWithheld).toBe(true);
    await subgraph.call(REQUIRE.replace('true', 'false'), { id: t.cell.id }, t.admin());
  });
});

describe('a refresh token', () => {
  it('is used once: each refresh gives a new one in the same session', async () => {
    const session = await signedIn('lam.moi');
    const first = (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession;
    expect(first.userErrors).toEqual([]);
    expect(first.refreshToken).not.toBe(session.refreshToken);
    const second = (await subgraph.call(REFRESH, { r: first.refreshToken })).data!.refreshSession;
    expect((await sessionOf(second.token)).sid).toBe(session.sid);
  });

  it('presented again ends its whole session, and every token of it', async () => {
    const session = await signedIn('lam.lai');
    const rotated = (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession;
    seconds(30);
    const replayed = (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession;
    expect([replayed.token, replayed.userErrors]).toEqual([null, [{ code: 'SESSION_ENDED', field: 'refreshToken' }]]);
    expect((await subgraph.call(REFRESH, { r: rotated.refreshToken })).data!.refreshSession.token).toBeNull();
    expect(await stateOf(await sessionOf(rotated.token))).toBe('ENDED');
    const [row] = await subgraph.db.db.select().from(tables.sessions).where(eq(tables.sessions.id, session.sid));
    expect(row!.endReason).toBe('REFRESH_REUSED');
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.entityId, session.sid));
    expect(trail.map((entry) => entry.action)).toEqual(['session.refreshReused']);
  });

  it('presented twice at the same moment (two tabs) is refused once, without ending the session', async () => {
    const session = await signedIn('hai.tab');
    const [one, two] = await Promise.all([1, 2].map(async () => (await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession));
    expect([one, two].filter((answer) => answer.token)).toHaveLength(1);
    expect([one, two].flatMap((answer) => answer.userErrors)).toEqual([{ code: 'SESSION_JUST_RENEWED', field: 'refreshToken' }]);
    expect(await stateOf(session)).toBe('ACTIVE');
  });

  it('unused for twelve hours no longer works', async () => {
    const session = await signedIn('de.lau');
    seconds(12 * 3600);
    expect((await subgraph.call(REFRESH, { r: session.refreshToken })).data!.refreshSession.token).toBeNull();
  });

  it('works no later than its session lasts, and says so: seven days after the sign-in, renewing stops', async () => {
    const week = clock + 7 * 24 * 3600 * 1000;
    const session = await signedIn('bay.ngay');
    const REFRESH_UNTIL = 'mutation ($r: String!) { refreshSession(input: { refreshToken: $r }) { refreshToken refreshExpiresAt } }';
    // In use all week: renewed every ten hours, up to four hours before the week is out.
    let late = { refreshToken: session.refreshToken, refreshExpiresAt: '' };
    for (let hours = 10; hours <= 160; hours += 10) {
      seconds(10 * 3600);
      late = (await subgraph.call(REFRESH_UNTIL, { r: late.refreshToken })).data!.refreshSession;
    }
    expect(week - clock).toBe(8 * 3600 * 1000);
    // The last token lasts the eight hours left, not twelve.
    expect(Math.abs(Date.parse(late.refreshExpiresAt) - week)).toBeLessThan(5_000);
    seconds(8 * 3600);
    expect((await subgraph.call(REFRESH, { r: late.refreshToken })).data!.refreshSession.userErrors).toEqual([{ code: 'SESSION_ENDED', field: 'refreshToken' }]);
  });
});

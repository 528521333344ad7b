import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CHECK_SECONDS } from '../src/session-check.ts';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

/** Sessions end for the gateway within seconds (docs/decisions/0008-sessions.md), through the whole platform. */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const LOGIN = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token refreshToken userErrors { code } } }';
const ME = { query: '{ me { id } }' };

async function signIn(role: string): Promise<{ token: string; refreshToken: string }> {
  const account = platform.accounts.find((a) => a.role === role)!;
  const { body } = await post(platform, { query: LOGIN, variables: { u: account.username, p: account.password } });
  return body.data!.login;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Waits until the token is refused, failing when that takes longer than the gateway's check interval allows. */
async function refusedWithinSeconds(token: string): Promise<string> {
  const deadline = Date.now() + (SESSION_CHECK_SECONDS + 2) * 1000;
  for (;;) {
    const answer = await post(platform, ME, bearer(token));
    if (answer.status === 401) return answer.body.errors![0]!.message;
    if (Date.now() > deadline) throw new Error('the ended session was still accepted');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('through the gateway, a session', () => {
  it('ends at logout: its token is refused within seconds, while another session of the member goes on', async () => {
    const [leaving, staying] = [await signIn('MEMBER'), await signIn('MEMBER')];
    expect((await post(platform, ME, bearer(leaving.token))).status).toBe(200);
    const out = await post(platform, { query: 'mutation ($r: String!) { logout(input: { refreshToken: $r }) { ended } }', variables: { r: leaving.refreshToken } });
    expect(out.body.data!.logout.ended).toBe(true);
    expect(await refusedWithinSeconds(leaving.token)).toMatch(/kết thúc/);
    expect((await post(platform, ME, bearer(staying.token))).status).toBe(200);
  });

  it('is renewed by its refresh token, the new token accepted', async () => {
    const session = await signIn('MEMBER');
    const { body } = await post(platform, {
      query: 'mutation ($r: String!) { refreshSession(input: { refreshToken: $r }) { token refreshToken userErrors { code } } }',
      variables: { r: session.refreshToken },
    });
    expect(body.data!.refreshSession.userErrors).toEqual([]);
    expect((await post(platform, ME, bearer(body.data!.refreshSession.token))).body.data!.me).toEqual(expect.objectContaining({ id: expect.any(String) }));
  });

  it('ends when an administrator locks the account: the member’s token is refused within seconds', async () => {
    const member = await signIn('MEMBER');
    const { body } = await post(platform, ME, bearer(member.token));
    const admin = await signIn('ADMIN');
    const lock = await post(
      platform,
      { query: 'mutation ($id: ID!) { lockAccount(input: { memberId: $id }) { account { status } userErrors { code } } }', variables: { id: body.data!.me.id } },
      bearer(admin.token),
    );
    expect(lock.body.data!.lockAccount).toEqual({ account: { status: 'LOCKED' }, userErrors: [] });
    expect(await refusedWithinSeconds(member.token)).toMatch(/kết thúc/);
  });
});

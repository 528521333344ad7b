import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

/**
 * The web server renews an expired access token with the refresh token in its httpOnly cookie, rotating it
 * (docs/rules/accounts.md#refresh). Sent as a browser would, cookie by cookie, without the login page.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

/** A session started at the API, as the login page starts one. */
async function apiSession() {
  const account = harness.platform.accounts.find((a) => a.role === 'MEMBER')!;
  const response = await fetch(harness.platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { refreshToken } }',
      variables: { u: account.username, p: account.password },
    }),
  });
  return ((await response.json()) as { data: { login: { refreshToken: string } } }).data.login.refreshToken;
}

/** The cookies a response sets, by name: value and attributes. */
const setCookies = (response: Response) =>
  Object.fromEntries(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line.slice(line.indexOf('=') + 1)]));

describe('a visitor whose access token has expired', () => {
  it('sees the page, renewed with the refresh token, and gets a new token and a new refresh token', async () => {
    const refresh = await apiSession();
    const response = await fetch(`${harness.baseUrl}/ho-so`, { headers: { cookie: `dangvu_refresh=${refresh}` }, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(harness.platform.demo.member.fullName);
    const cookies = setCookies(response);
    expect(cookies.dangvu_token).toMatch(/HttpOnly/);
    expect(cookies.dangvu_refresh).toMatch(/HttpOnly/);
    expect(cookies.dangvu_refresh!.split(';')[0]).not.toBe(refresh);
  });

  it('is renewed on /graphql too, the new cookies sent with the answer', async () => {
    const refresh = await apiSession();
    const response = await fetch(`${harness.baseUrl}/graphql`, {
      method: 'POST',
      headers: { cookie: `dangvu_refresh=${refresh}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { fullName } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { fullName: harness.platform.demo.member.fullName } } });
    expect(Object.keys(setCookies(response)).sort()).toEqual(['dangvu_phien_den', 'dangvu_refresh', 'dangvu_token']);
  });

  it('signs in again once the refresh token no longer works, and forgets it', async () => {
    const response = await fetch(`${harness.baseUrl}/ho-so`, { headers: { cookie: 'dangvu_refresh=khong-con-dung' }, redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/dang-nhap?tiep=%2Fho-so']);
    expect(setCookies(response).dangvu_refresh).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });
});

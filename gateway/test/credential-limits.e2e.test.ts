import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

const PER_ADDRESS = 4;
const PER_ACCOUNT = 3;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({
    gatewayEnv: { CREDENTIAL_ATTEMPTS_PER_ADDRESS: String(PER_ADDRESS), CREDENTIAL_ATTEMPTS_PER_ACCOUNT: String(PER_ACCOUNT) },
  });
});
afterAll(() => platform?.stop());

const LOGIN = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token userErrors { code } } }';
/** A login as a client at `address` would send it through a proxy the gateway trusts (the test runs on loopback). */
const attempt = (address: string, username: string, password = 'sai-mat-khau') =>
  fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
  });
const codeOf = async (response: Response) => ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;

describe('one credential check per request', () => {
  // Refused in the gateway's HTTP layer, before Apollo plans anything: no `data` at all, not even null.
  it('refuses two aliased logins with 400 before any subgraph is asked', async () => {
    const answer = await post(platform, {
      query: `mutation ($u: String!, $p: String!) { a: login(input: { username: $u, password: $p }) { token } b: login(input: { username: $u, password: $p }) { token } }`,
      variables: { u: platform.demo.member.username, p: platform.demo.member.password },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]!.extensions!.code).toBe('ONE_CREDENTIAL_CHECK_PER_REQUEST');
    expect(answer.body.errors![0]!.message).toMatch(/một lần/);
    expect(answer.body).not.toHaveProperty('data');
  });

  it('refuses a login beside a password change, and a login in an HTTP batch', async () => {
    const beside = await post(platform, {
      query: `mutation { login(input: { username: "a", password: "b" }) { token } changePassword(input: { currentPassword: "a", newPassword: "b" }) { __typename } }`,
    });
    expect(beside.status).toBe(400);
    const batch = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: LOGIN, variables: { u: 'a', p: 'b' } }]),
    });
    expect(batch.status).toBe(400);
    expect(await codeOf(batch)).toBe('NO_CREDENTIAL_CHECK_IN_BATCH');
  });

  it('runs no login sent by GET, where the guard reads no body', async () => {
    const url = new URL(platform.gatewayUrl);
    url.searchParams.set('query', 'mutation { login(input: { username: "a", password: "b" }) { token } }');
    const response = await fetch(url, { headers: { 'apollo-require-preflight': '1' } });
    expect(response.status).toBe(405);
    expect(await response.json()).not.toHaveProperty('data');
  });

  it('runs no login sent as a persisted-query hash, which would carry no document to check', async () => {
    const answer = await post(platform, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } },
      variables: { u: 'a', p: 'b' },
    });
    expect(answer.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    expect(answer.body).not.toHaveProperty('data');
  });
});

describe('attempts per address and per account', () => {
  it(`answers the attempt after ${PER_ADDRESS} from one address with 429, Retry-After and a coded message`, async () => {
    for (let i = 0; i < PER_ADDRESS; i++) expect(await codeOf(await attempt('203.0.113.1', `khach-${i}`))).toBeUndefined();
    const refused = await attempt('203.0.113.1', 'khach-moi');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_ATTEMPTS');
    expect(body.errors[0]!.message).toMatch(/Đồng chí đã thử quá nhiều lần.*phút/);
  });

  it('limits one username tried from many addresses', async () => {
    for (let i = 0; i < PER_ACCOUNT; i++) expect(await codeOf(await attempt(`198.51.100.${i + 1}`, platform.demo.member.username))).toBeUndefined();
    expect((await attempt('198.51.100.99', platform.demo.member.username)).status).toBe(429);
    // the limit is the account's: another username from the same new address is still tried
    expect(await codeOf(await attempt('198.51.100.99', 'nguoi-khac'))).toBeUndefined();
  });

  it('refuses past the limit even the right password, before any subgraph is asked', async () => {
    const { username, password } = platform.accounts.find((account) => account.role === 'SECRETARY')!;
    for (let i = 0; i < PER_ACCOUNT; i++) await attempt(`192.0.2.${i + 1}`, username);
    const answer = await attempt('192.0.2.200', username, password);
    expect(answer.status).toBe(429);
    expect(await answer.json()).not.toHaveProperty('data');
  });

  it('counts a client that reaches the gateway directly by its own address, not by a header it wrote', async () => {
    // From loopback the header is believed; a peer outside GATEWAY_TRUSTED_PROXIES is counted as itself
    // (client-address.test.ts). Here the same forged header from a trusted peer still names one client.
    for (let i = 0; i < PER_ADDRESS; i++) await attempt('1.1.1.1, 203.0.113.50', `mau-${i}`);
    expect((await attempt('9.9.9.9, 203.0.113.50', 'mau-moi')).status).toBe(429);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '@dangvu/drizzle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * web/server.js at the edge of sign-in, on the BUILT app, against a stand-in gateway that refuses every
 * password: the limits per address and per username, and the address it tells the gateway.
 */
const webRoot = fileURLToPath(new URL('..', import.meta.url));
const PER_ADDRESS = 3;
const PER_ACCOUNT = 2;

interface GatewayCall {
  forwardedFor: string | undefined;
  username: unknown;
}
const calls: GatewayCall[] = [];
let gateway: Server;
const started: ChildProcess[] = [];

async function startGateway() {
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { variables?: { input?: { username?: unknown } } };
    calls.push({ forwardedFor: request.headers['x-forwarded-for'] as string | undefined, username: body.variables?.input?.username });
    response.writeHead(200, { 'content-type': 'application/json' });
    const userErrors = [{ code: 'INVALID_CREDENTIALS', field: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' }];
    response.end(JSON.stringify({ data: { login: { token: null, expiresAt: null, rolesWithheld: false, userErrors } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** server.js on a free port; resolves once it answers. */
async function startWeb(env: Record<string, string> = {}) {
  const port = await freePort();
  const { port: gatewayPort } = gateway.address() as AddressInfo;
  const web = spawn(process.execPath, ['server.js'], {
    cwd: webRoot,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(port),
      GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
      CREDENTIAL_ATTEMPTS_PER_ADDRESS: String(PER_ADDRESS),
      CREDENTIAL_ATTEMPTS_PER_ACCOUNT: String(PER_ACCOUNT),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  started.push(web);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!(await fetch(`${baseUrl}/dang-nhap`).then((r) => r.ok, () => false))) {
    if (web.exitCode !== null) throw new Error(`server.js exited (${web.exitCode}): is web/build there? (npm run build -w @dangvu/web)`);
    if (Date.now() > deadline) throw new Error('server.js did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return baseUrl;
}

let baseUrl: string;
beforeAll(async () => {
  gateway = await startGateway();
  baseUrl = await startWeb();
});
afterAll(async () => {
  for (const web of started) web.kill('SIGTERM');
  await new Promise((resolve) => gateway?.close(resolve));
});

/** The login form sent as a browser at `address` would send it through a proxy the web server trusts. */
function signIn(address: string, username: string, options: { enhanced?: boolean; url?: string } = {}) {
  const url = options.url ?? baseUrl;
  return fetch(`${url}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: url,
      'x-forwarded-for': address,
      ...(options.enhanced ? { 'x-sveltekit-action': 'true', accept: 'application/json' } : {}),
    },
    body: new URLSearchParams({ username, password: 'sai-mat-khau' }),
  });
}

describe('the web server at sign-in', () => {
  it('hands the form to the app, which asks the gateway with the username and the visitor’s address', async () => {
    const answer = await signIn('203.0.113.7', 'bithu.demo');
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('không đúng');
    expect(calls.at(-1)).toEqual({ forwardedFor: '203.0.113.7', username: 'bithu.demo' });
  });

  it(`answers the attempt after ${PER_ADDRESS} from one address with 429, Retry-After and a page that says when to retry`, async () => {
    for (let i = 0; i < PER_ADDRESS; i++) expect((await signIn('203.0.113.1', `khach-${i}`)).status).toBe(400);
    const asked = calls.length;
    const refused = await signIn('203.0.113.1', 'khach-moi');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/Đồng chí đã thử quá nhiều lần.*phút/);
    expect(calls.length).toBe(asked);
  });

  it('answers a form sent by the app’s script with the message SvelteKit shows', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) await signIn('203.0.113.2', `khach-${i}`, { enhanced: true });
    const refused = await signIn('203.0.113.2', 'khach-moi', { enhanced: true });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/thử lại sau \d+ phút/) });
  });

  it('limits one username tried from many addresses', async () => {
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await signIn(`198.51.100.${i + 1}`, '001234567890')).status).toBe(400);
    expect((await signIn('198.51.100.50', '001234567890')).status).toBe(429);
    expect((await signIn('198.51.100.50', 'nguoi-khac')).status).toBe(400);
  });

  it('limits guesses of a one-time activation code as it limits sign-in', async () => {
    const activate = (address: string) =>
      fetch(`${baseUrl}/kich-hoat`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, 'x-forwarded-for': address },
        body: new URLSearchParams({ username: '037190000999', activationCode: 'AAAAA-AAAAA', password: 'x', passwordAgain: 'x' }),
      });
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await activate(`198.18.0.${i + 1}`)).status).not.toBe(429);
    expect((await activate('198.18.0.99')).status).toBe(429);
  });

  it('counts a visitor that is not behind a trusted proxy by its own address, whatever it claims', async () => {
    const direct = await startWeb({ WEB_TRUSTED_PROXIES: '10.0.0.1' });
    for (let i = 0; i < PER_ADDRESS; i++) await signIn(`192.0.2.${i + 1}`, `gia-${i}`, { url: direct });
    expect((await signIn('192.0.2.99', 'gia-moi', { url: direct })).status).toBe(429);
    expect(calls.at(-1)!.forwardedFor).toBe('127.0.0.1');
  });
});

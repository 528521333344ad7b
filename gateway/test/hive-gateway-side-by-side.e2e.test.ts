import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL_LIST_WITH_PHONES, HOME_PAGE } from '../../scripts/src/bench/operations.ts';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';

/**
 * The bench's Hive Gateway (scripts/src/bench/hive-gateway.ts) serves the same subgraphs as ours: it must give
 * each caller the answers ours gives, or the side-by-side in docs/benchmarks.md compares different work. And
 * neither gateway may hand one member's answer to another who asked the same thing at the same moment.
 */
let platform: TestPlatform;
let hiveUrl: string;
let stopHive = () => {};
let member: string;
let secretary: string;

const post = async (url: string, query: string, token?: string, variables?: Record<string, unknown>) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
};

beforeAll(async () => {
  platform = await startTestPlatform();
  const script = new URL('../../scripts/src/bench/hive-gateway.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...platform.gatewayEnv, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  stopHive = () => child.kill('SIGTERM');
  hiveUrl = await new Promise<string>((resolve) =>
    child.stdout!.on('data', (chunk: Buffer) => {
      const listening = /listening (\S+)/.exec(chunk.toString());
      if (listening) resolve(listening[1]!);
    }),
  );
  const login = async (username: string) =>
    (await post(platform.gatewayUrl, 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }', undefined, {
      u: username,
      p: platform.demo.member.password,
    })).data!.login.token as string;
  member = await login('dangvien.demo');
  secretary = await login('bithu.demo');
}, 120_000);
afterAll(async () => {
  stopHive();
  await platform?.stop();
});

describe('Hive Gateway beside ours, on the same subgraphs', () => {
  it("answers the member's home page and the secretary's list with phones as ours does", async () => {
    const home = await post(platform.gatewayUrl, HOME_PAGE, member);
    expect(home.errors).toBeUndefined();
    expect(await post(hiveUrl, HOME_PAGE, member)).toEqual(home);
    const list = await post(platform.gatewayUrl, CELL_LIST_WITH_PHONES, secretary);
    expect(list.errors).toBeUndefined();
    expect(await post(hiveUrl, CELL_LIST_WITH_PHONES, secretary)).toEqual(list);
  });

  it.each([
    ['ours', () => platform.gatewayUrl],
    ['Hive Gateway', () => hiveUrl],
  ])('%s gives two members asking `{ me }` at the same moment each their own record', async (_gateway, url) => {
    const nameOf = async (token: string) => (await post(url(), '{ me { fullName } }', token)).data?.me?.fullName as string;
    const [memberName, secretaryName] = [await nameOf(member), await nameOf(secretary)];
    expect(memberName).not.toBe(secretaryName);
    const tokens = Array.from({ length: 40 }, (_, i) => (i % 2 ? secretary : member));
    const names = await Promise.all(tokens.map(nameOf));
    expect(names).toEqual(tokens.map((token) => (token === member ? memberName : secretaryName)));
  });
});

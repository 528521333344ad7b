import { afterAll, beforeAll, describe, test } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';

/**
 * The "Hồ sơ của tôi" query through the gateway, touching all four subgraphs, on a seeded database; and a
 * secretary's cell list with every member's dues and transfers. Figures go to docs/benchmarks.md with the machine.
 */
let platform: TestPlatform;
let memberToken: string;
let secretaryToken: string;

async function login(username: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }',
      variables: { u: username, p: platform.demo.member.password },
    }),
  });
  return ((await response.json()) as { data: { login: { token: string } } }).data.login.token;
}

async function query(token: string, document: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

beforeAll(async () => {
  platform = await startTestPlatform({ members: Number(process.env.BENCH_MEMBERS ?? 20_000) });
  memberToken = await login('dangvien.demo');
  secretaryToken = await login('bithu.demo');
}, 300_000);
afterAll(() => platform?.stop());

describe('through the gateway', () => {
  test('profile: me + organization + officers + dues + transfers', async ({ bench }) => {
    const result = await bench('profile', () =>
      query(
        memberToken,
        '{ me { fullName citizenId organization { name parent { name } officers { role fullName } } duesStanding { paidThrough amountOwed } transfers { state } } }',
      ),
    ).run();
    report('profile query', result);
  });

  test('cell list: every member with dues standing and transfers', async ({ bench }) => {
    const result = await bench('cell list', () =>
      query(secretaryToken, '{ me { organization { members { fullName duesStanding { unpaidMonths } transfers { state } } } } }'),
    ).run();
    report('cell list query', result);
  });
});

function report(name: string, result: { latency: { mean: number; p99?: number }; throughput: { mean: number } }) {
  console.log(
    `${name}: ${result.throughput.mean.toFixed(0)} req/s, mean ${result.latency.mean.toFixed(2)} ms` +
      (result.latency.p99 ? `, p99 ${result.latency.p99.toFixed(2)} ms` : ''),
  );
}

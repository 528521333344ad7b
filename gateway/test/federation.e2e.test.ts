import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

async function graphql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

async function login(username: string, password: string) {
  const { body } = await graphql(
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token userErrors { code message } } }',
    { u: username, p: password },
  );
  return body.data.login as { token: string | null; userErrors: { code: string; message: string }[] };
}

describe('one query through the gateway', () => {
  it('joins the member (members), their cell (organization), dues standing (dues) and transfers (transfers)', async () => {
    const { token } = await login(platform.demo.member.username, platform.demo.member.password);
    const { status, body } = await graphql(
      `{ me { fullName organization { name officers { role fullName } } duesStanding { unpaidMonths amountOwed paidThrough }
            transfers { state reason fromOrganization { name } } } }`,
      {},
      token!,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const me = body.data.me;
    expect(me.fullName).toBe(platform.demo.member.fullName);
    expect(me.organization.name).toBe(platform.demo.member.cellName);
    expect(me.organization.officers).toContainEqual({ role: 'SECRETARY', fullName: platform.demo.member.secretaryName });
    expect(me.duesStanding.unpaidMonths).toBeGreaterThanOrEqual(0);
    expect(me.transfers).toEqual([
      { state: 'DRAFT', reason: 'Thay đổi nơi cư trú lâu dài', fromOrganization: { name: platform.demo.member.cellName } },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

/** One subgraph's process is gone: the gateway answers what the others can, and says which part is missing. */
let platform: TestPlatform;
let member: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  member = await loginAs(platform, 'MEMBER');
  await platform.stopSubgraph('dues');
}, 120_000);
afterAll(() => platform?.stop());

describe('with the dues subgraph down', () => {
  it('answers the member’s record, organization and transfers, and the dues part null with SERVICE_UNAVAILABLE naming it', async () => {
    const answer = await post(
      platform,
      { query: '{ me { fullName organization { name } duesStanding { paidThrough } transfers { state } } }' },
      { authorization: `Bearer ${member}` },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      me: { fullName: platform.demo.member.fullName, organization: { name: platform.demo.member.cellName }, duesStanding: null, transfers: expect.any(Array) },
    });
    expect(answer.body.errors).toMatchObject([{ extensions: { code: 'SERVICE_UNAVAILABLE', service: 'dues' } }]);
    expect(answer.body.errors![0]!.message).toMatch(/^Phần đảng phí tạm thời không tải được/);
    expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it('refuses a dues mutation with SERVICE_UNAVAILABLE, and readiness says 503 naming dues', async () => {
    const finance = await loginAs(platform, 'FINANCE_MEMBER');
    const answer = await post(
      platform,
      { query: 'mutation { recordCashPayment(input: { memberId: "00000000-0000-4000-8000-000000000000", months: ["2026-01"] }) { userErrors { code } } }' },
      { authorization: `Bearer ${finance}` },
    );
    expect(answer.body.errors).toMatchObject([{ extensions: { code: 'SERVICE_UNAVAILABLE', service: 'dues' } }]);
    const ready = await fetch(new URL('/readyz', platform.gatewayUrl));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', code: 'SERVICE_UNAVAILABLE', unavailable: ['dues'] });
  });
});

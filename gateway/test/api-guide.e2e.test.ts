import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

/**
 * docs/api.md is a partner developer's first hour: every example in it, run exactly as written, in order, as
 * the page tells a partner to (the province administrator registers the system, the system takes a token,
 * then reads). A changed field or a broken example fails here, not at the partner's.
 */
const guide = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const examples = new Map([...guide.matchAll(/```graphql example=(\S+)\n([\s\S]*?)```/g)].map(([, name, query]) => [name!, query!]));

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

async function run(name: string, variables: Record<string, unknown> = {}, token?: string) {
  const query = examples.get(name);
  expect(query, `docs/api.md has the example "${name}"`).toBeDefined();
  const { status, body } = await post(platform, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
  expect({ status, errors: body.errors, data: body.data === null ? null : 'some' }).toEqual({ status: 200, errors: undefined, data: 'some' });
  return body.data!;
}

describe('the partner guide, docs/api.md', () => {
  it('holds the examples this test runs, and no other', () => {
    expect([...examples.keys()]).toEqual(['admin-login', 'register', 'token', 'tree', 'organization', 'search', 'dues', 'working-days']);
  });

  it('takes a partner from registration to answers, example by example', async () => {
    const admin = platform.accounts.find((account) => account.username === 'quantri.tinh')!;
    const login = await run('admin-login', { username: admin.username, password: admin.password });
    expect(login.login.userErrors).toEqual([]);

    const { registerPartnerClient } = await run('register', {}, login.login.token);
    expect(registerPartnerClient.userErrors).toEqual([]);
    const credentials = { clientId: registerPartnerClient.partner.id, clientSecret: registerPartnerClient.clientSecret };

    const { partnerToken } = await run('token', credentials);
    expect(partnerToken.userErrors).toEqual([]);
    const token = partnerToken.token as string;

    const { organizationRoots } = await run('tree', {}, token);
    expect(organizationRoots[0].name).toBe('Đảng bộ tỉnh Ninh Bình');
    const commune = organizationRoots[0].children[0];
    const { organization } = await run('organization', { id: commune.id }, token);
    expect(organization).toMatchObject({ name: commune.name, parent: { name: 'Đảng bộ tỉnh Ninh Bình' } });

    const { members } = await run('search', { query: 'nguyen' }, token);
    expect(members.edges.length).toBeGreaterThan(0);
    const { member } = await run('dues', { id: members.edges[0].node.id }, token);
    expect(member.duesStanding.amountOwed).toMatch(/^\d+$/);

    const days = await run('working-days', {}, token);
    // Friday 13 February 2026, then the weekend and the five days of Tết: the next working day is the 23rd.
    expect(days.addWorkingDays).toBe('2026-02-23');
  });
});

import { createDb, tables } from '@dangvu/drizzle';
import { signAccessToken, verifyAuditChain } from '@dangvu/subgraph-kit';
import { asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

let platform: TestPlatform;
let provinceAdmin: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  // Partner systems are registered by an administrator of the whole province, which the demo has no login for.
  const handle = createDb(platform.databaseUrl, { max: 1 });
  const [province] = await handle.db.select().from(tables.organizations).where(isNull(tables.organizations.parentId));
  const [someone] = await handle.db.select({ id: tables.members.id }).from(tables.members).limit(1);
  await handle.close();
  const grants = [{ role: 'ADMIN' as const, orgId: province!.id, orgPath: province!.path }];
  provinceAdmin = await signAccessToken({ personId: someone!.id, grants, partner: null }, platform.authSigningKey);
});
afterAll(() => platform?.stop());

const REGISTER = `mutation { registerPartnerClient(input: { name: "Cổng dịch vụ công tỉnh", scopes: ["members:read", "organizations:read"] }) {
  partner { id } clientSecret userErrors { code } } }`;
const TOKEN = 'mutation ($id: ID!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { token userErrors { code } } }';

describe('a partner system’s calls', () => {
  it('are each attributed to the partner in the audit trail, by the subgraphs they reached', async () => {
    const registered = (await post(platform, { query: REGISTER }, { authorization: `Bearer ${provinceAdmin}` })).body.data!.registerPartnerClient;
    expect(registered.userErrors).toEqual([]);
    const issued = await post(platform, { query: TOKEN, variables: { id: registered.partner.id, secret: registered.clientSecret } });
    const bearer = { authorization: `Bearer ${issued.body.data!.partnerToken.token}` };

    const search = await post(platform, { query: 'query Tra_cuu { members(filter: { query: "nguyen" }, first: 2) { edges { node { fullName organization { name } } } } }' }, bearer);
    expect(search.body.errors).toBeUndefined();
    expect(search.body.data!.members.edges).toHaveLength(2);
    // Refused calls are attributed too: what a partner tried matters as much as what it got.
    const refused = await post(platform, { query: '{ members(first: 1) { edges { node { citizenId } } } }' }, bearer);
    expect(refused.body.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');

    const handle = createDb(platform.databaseUrl, { max: 1 });
    try {
      const calls = await handle.db
        .select({ actorId: tables.auditEntries.actorId, after: tables.auditEntries.after })
        .from(tables.auditEntries)
        .where(eq(tables.auditEntries.action, 'partner.called'))
        .orderBy(asc(tables.auditEntries.id));
      expect(calls.every((call) => call.actorId === registered.partner.id)).toBe(true);
      expect(calls.map((call) => call.after)).toEqual([
        { subgraph: 'members', operationName: 'Tra_cuu__members__0', fields: ['members'], failed: false },
        { subgraph: 'organization', operationName: 'Tra_cuu__organization__1', fields: ['_entities'], failed: false },
        { subgraph: 'members', operationName: null, fields: ['members'], failed: true },
      ]);
      expect((await verifyAuditChain(handle.db)).problems).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('stop being answered within seconds of the partner’s revocation', async () => {
    const registered = (await post(platform, { query: REGISTER }, { authorization: `Bearer ${provinceAdmin}` })).body.data!.registerPartnerClient;
    const issued = await post(platform, { query: TOKEN, variables: { id: registered.partner.id, secret: registered.clientSecret } });
    const bearer = { authorization: `Bearer ${issued.body.data!.partnerToken.token}` };
    const READ = '{ organizationRoots { name } }';
    expect((await post(platform, { query: READ }, bearer)).status).toBe(200);

    const REVOKE = 'mutation ($id: ID!) { revokePartnerClient(input: { clientId: $id }) { userErrors { code } } }';
    const revoked = await post(platform, { query: REVOKE, variables: { id: registered.partner.id } }, { authorization: `Bearer ${provinceAdmin}` });
    expect(revoked.body.data!.revokePartnerClient.userErrors).toEqual([]);
    // The gateway keeps an open session's answer 5 seconds (docs/decisions/0008-sessions.md).
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const refused = await post(platform, { query: READ }, bearer);
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0]!.message).toMatch(/kết thúc/);
  });

  it('leave no such entry for a signed-in person', async () => {
    const secretary = await loginAs(platform, 'SECRETARY');
    const handle = createDb(platform.databaseUrl, { max: 1 });
    try {
      const count = async () => (await handle.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'partner.called'))).length;
      const before = await count();
      await post(platform, { query: '{ me { fullName organization { name } } }' }, { authorization: `Bearer ${secretary}` });
      expect(await count()).toBe(before);
    } finally {
      await handle.close();
    }
  });
});

describe('a partner system with reports:read', () => {
  const register = async (scopes: string[]) => {
    const query = `mutation ($scopes: [String!]!) { registerPartnerClient(input: { name: "Hệ thống báo cáo tỉnh", scopes: $scopes }) { partner { id } clientSecret userErrors { code } } }`;
    const registered = (await post(platform, { query, variables: { scopes } }, { authorization: `Bearer ${provinceAdmin}` })).body.data!.registerPartnerClient;
    expect(registered.userErrors).toEqual([]);
    const issued = await post(platform, { query: TOKEN, variables: { id: registered.partner.id, secret: registered.clientSecret } });
    return { authorization: `Bearer ${issued.body.data!.partnerToken.token}` };
  };
  const REPORT = `{ organizationRoots { name typeClassification { eligible }
    memberMonthlyFigures(month: "2026-11") { members accountsActivated { numerator } secretaryAccounts { denominator } }
    duesMonthlyFigures(month: "2026-11") { expected } transferMonthlyFigures(month: "2026-11") { official { received } } } }`;

  it('reads the province’s monthly figures, counts naming no one', async () => {
    const bearer = await register(['organizations:read', 'reports:read']);
    const { body } = await post(platform, { query: REPORT }, bearer);
    expect(body.errors).toBeUndefined();
    const [province] = body.data!.organizationRoots;
    expect(province.memberMonthlyFigures.members).toBeGreaterThan(0);
    expect(province.memberMonthlyFigures.secretaryAccounts.denominator).toBeGreaterThan(0);
    expect(typeof province.duesMonthlyFigures.expected).toBe('string');
  });

  it('is refused the persons behind them, and without the scope the figures too', async () => {
    const bearer = await register(['organizations:read', 'reports:read']);
    const persons = await post(platform, { query: '{ organizationRoots { memberList(first: 5) { edges { node { fullName } } } } }' }, bearer);
    expect(persons.body.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const search = await post(platform, { query: '{ members(filter: { query: "nguyen" }, first: 2) { edges { node { fullName } } } }' }, bearer);
    expect(search.body.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const treeOnly = await register(['organizations:read']);
    const figures = await post(platform, { query: REPORT }, treeOnly);
    expect(figures.body.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});

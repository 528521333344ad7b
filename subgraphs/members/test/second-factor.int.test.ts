import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { verifyAccessToken, type importKey } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountSecrets } from '../src/account/account-secrets.ts';
import { totpCode, totpStep } from '../src/account/totp.rules.ts';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let publicKey: Awaited<ReturnType<typeof importKey>>;
let secrets: AccountSecrets;
const t = {} as { ward: Node; cell: Node; secretary: { id: string } };

beforeAll(async () => {
  ({ subgraph, publicKey, secrets } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.ward = await buildOrganization(db, { parent: province, type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward });
  t.secretary = await buildMember(db, t.cell, { fullName: 'Đinh Thị Thu' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await buildAccount(db, t.secretary, 'thu.dinh', 'Mật khẩu đủ dài 2026');
});
afterAll(() => subgraph?.stop());

const LOGIN = 'mutation ($code: String) { login(input: { username: "thu.dinh", password: "Mật khẩu đủ dài 2026", totpCode: $code }) { token rolesWithheld userErrors { code } } }';
const grantsIn = async (token: string) => {
  const verified = await verifyAccessToken(token, publicKey);
  return verified.ok ? verified.identity.grants.map((g) => g.role) : null;
};
const me = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const currentCode = async () => {
  const [account] = await subgraph.db.db.select().from(tables.accounts).where(eq(tables.accounts.username, 'thu.dinh'));
  // The step after the last one used, so a code issued in this same 30 s step is still fresh.
  const step = Math.max(totpStep(new Date()), (account!.totpLastStep ?? 0) + 1);
  return { code: totpCode(secrets.openTotp(account!.id, account!.totpSecret!).secret, step) };
};

describe('second factor', () => {
  it('withholds roles in an organization that requires it until the account has one', async () => {
    const required = await subgraph.call(
      'mutation ($id: ID!) { requireSecondFactor(input: { organizationId: $id, required: true }) { required } }',
      { id: t.ward.id },
      personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path),
    );
    expect(required.data!.requireSecondFactor.required).toBe(true);
    const REQUIRED = 'query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) { ... on Organization { secondFactorRequired } } }';
    const shown = await subgraph.call(REQUIRED, t.ward, personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path));
    expect(shown.data!._entities).toEqual([{ secondFactorRequired: true }]);
    const below = await subgraph.call(REQUIRED, t.cell, personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path));
    expect(below.data!._entities).toEqual([{ secondFactorRequired: false }]);
    // An administrator's setting is not for the secretaries it applies to.
    const hidden = await subgraph.call(REQUIRED, t.ward, me());
    expect(hidden.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const { data } = await subgraph.call(LOGIN, {});
    expect(data!.login.rolesWithheld).toBe(true);
    expect(await grantsIn(data!.login.token)).toEqual([]);
  });

  it('is enrolled with a scanned secret and a first code, after which sign-in needs the current code', async () => {
    const started = await subgraph.call('mutation { startSecondFactor { secret otpauthUri userErrors { code } } }', {}, me());
    expect(started.data!.startSecondFactor.otpauthUri).toMatch(/^otpauth:\/\/totp\/dangvu%3Athu\.dinh\?secret=[A-Z2-7]{32}/);
    const wrong = await subgraph.call('mutation { confirmSecondFactor(input: { code: "000000" }) { enabled userErrors { code } } }', {}, me());
    expect(wrong.data!.confirmSecondFactor).toEqual({ enabled: false, userErrors: [{ code: 'TOTP_INVALID' }] });
    const first = await currentCode();
    const enabled = async () => (await subgraph.call('{ me { account { secondFactorEnabled } } }', {}, me())).data!.me.account.secondFactorEnabled;
    expect(await enabled()).toBe(false);
    const confirmed = await subgraph.call('mutation ($c: String!) { confirmSecondFactor(input: { code: $c }) { enabled } }', { c: first.code }, me());
    expect(confirmed.data!.confirmSecondFactor.enabled).toBe(true);
    expect(await enabled()).toBe(true);

    const withoutCode = await subgraph.call(LOGIN, {});
    expect(withoutCode.data!.login).toMatchObject({ token: null, userErrors: [{ code: 'TOTP_REQUIRED' }] });
    const reused = await subgraph.call(LOGIN, { code: first.code });
    expect(reused.data!.login.userErrors).toEqual([{ code: 'TOTP_INVALID' }]);
  });

  it('gives the roles back once the second factor is in use', async () => {
    const next = await currentCode();
    // A code for the next step is accepted only within a step of the clock: this test then runs in time.
    const { data } = await subgraph.call(LOGIN, { code: next.code });
    expect(data!.login.userErrors).toEqual([]);
    expect(data!.login.rolesWithheld).toBe(false);
    expect(await grantsIn(data!.login.token)).toEqual(['SECRETARY']);
  });

  it('is required only by an administrator over the organization', async () => {
    const { errors } = await subgraph.call(
      'mutation ($id: ID!) { requireSecondFactor(input: { organizationId: $id, required: false }) { required } }',
      { id: t.ward.id },
      personWith(t.secretary.id, 'ADMIN', t.cell.path),
    );
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

import { buildAccount, buildMember, buildOrganization, grantRole } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

/**
 * Who may act on whose account (docs/rules/accounts.md#who-acts-on-an-account): nobody on their own, nobody on
 * a holder of roles they do not cover; an officer of a higher organization does it. Targets that hold roles.
 */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; ward: Node; cell: Node; secretary: Node & { id: string }; deputy: { id: string }; wardSecretary: { id: string }; wardAdmin: { id: string }; plain: { id: string } };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  t.ward = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông' });
  const secretary = await buildMember(db, t.cell, { fullName: 'Trần Văn Bình' });
  t.secretary = { ...secretary, path: t.cell.path };
  t.deputy = await buildMember(db, t.cell, { fullName: 'Lê Thị Hoa' });
  t.plain = await buildMember(db, t.cell, { fullName: 'Phạm Văn Cường' });
  t.wardSecretary = await buildMember(db, t.cell, { fullName: 'Đinh Văn Dũng' });
  t.wardAdmin = await buildMember(db, t.cell, { fullName: 'Ngô Thị Én' });
  await grantRole(db, t.secretary, 'SECRETARY', t.cell);
  await grantRole(db, t.deputy, 'DEPUTY_SECRETARY', t.cell);
  await grantRole(db, t.wardSecretary, 'SECRETARY', t.ward);
  await grantRole(db, t.wardAdmin, 'ADMIN', t.ward);
  for (const [member, username] of [[t.secretary, 'binh.tran'], [t.deputy, 'hoa.le'], [t.plain, 'cuong.pham'], [t.wardSecretary, 'dung.dinh'], [t.wardAdmin, 'en.ngo']] as const) {
    await buildAccount(db, member, username, 'Mật khẩu đủ dài 2026');
  }
});
afterAll(() => subgraph?.stop());

const deputy = () => personWith(t.deputy.id, 'DEPUTY_SECRETARY', t.cell.path);
const cellSecretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const wardAdmin = () => personWith(t.wardAdmin.id, 'ADMIN', t.ward.path);
const provinceAdmin = () => personWith('00000000-0000-4000-8000-0000000000f1', 'ADMIN', t.province.path);
const codes = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.map((e) => e.extensions?.code);

const REISSUE = 'mutation ($id: ID!) { reissueAccount(input: { memberId: $id }) { activationCode userErrors { code message } } }';
/** Refused by the account-takeover rule: no code handed out, and a reason the officer can read. */
const takeoverRefused = (answer: { data?: any }, mutation: string) => {
  expect(answer.data[mutation].userErrors).toEqual([{ code: 'FORBIDDEN_ACTION', message: expect.stringMatching(/cấp trên/) }]);
  expect(answer.data[mutation].activationCode ?? null).toBeNull();
};
const LOCK = 'mutation ($id: ID!) { lockAccount(input: { memberId: $id }) { account { status } userErrors { code } } }';
const GRANT = 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { grant { role } userErrors { code } } }';
const ABILITIES = `query ($id: ID!) { member(id: $id) {
  viewerCan { issueAccount administerAccount grantRole }
  grantableOrganizations { id }
  account { availableActions }
} }`;

describe('an account held by someone with roles', () => {
  it('cannot be reissued by the deputy of the same cell: the code would let them sign in as their secretary', async () => {
    takeoverRefused(await subgraph.call(REISSUE, { id: t.secretary.id }, deputy()), 'reissueAccount');
  });

  it('cannot be reissued by the ward administrator for the ward’s own secretary, equal reach', async () => {
    takeoverRefused(await subgraph.call(REISSUE, { id: t.wardSecretary.id }, wardAdmin()), 'reissueAccount');
  });

  it('is reissued by an officer whose reach lies above every role the holder has', async () => {
    const byWard = await subgraph.call(REISSUE, { id: t.secretary.id }, wardAdmin());
    expect(byWard.data!.reissueAccount.activationCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const byProvince = await subgraph.call(REISSUE, { id: t.wardSecretary.id }, provinceAdmin());
    expect(byProvince.data!.reissueAccount.userErrors).toEqual([]);
  });

  it('of a plain member is still reissued by the deputy of their cell', async () => {
    expect((await subgraph.call(REISSUE, { id: t.plain.id }, deputy())).data!.reissueAccount.userErrors).toEqual([]);
  });
});

describe('acting on oneself', () => {
  it('refuses an officer reissuing or locking their own account', async () => {
    takeoverRefused(await subgraph.call(REISSUE, { id: t.secretary.id }, cellSecretary()), 'reissueAccount');
    const lock = await subgraph.call(LOCK, { id: t.wardAdmin.id }, wardAdmin());
    expect(lock.data!.lockAccount).toEqual({ account: null, userErrors: [{ code: 'FORBIDDEN_ACTION' }] });
  });

  it('refuses an administrator giving themself a role, whatever their reach', async () => {
    const input = { memberId: t.wardAdmin.id, role: 'SECRETARY', organizationId: t.cell.id, startsOn: '2026-01-01' };
    expect(codes(await subgraph.call(GRANT, { input }, wardAdmin()))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.call(GRANT, { input }, provinceAdmin()))).toBeUndefined();
  });
});

describe('what the viewer is offered', () => {
  it('offers the deputy nothing on their secretary’s account, and the ward administrator everything', async () => {
    const asDeputy = (await subgraph.call(ABILITIES, { id: t.secretary.id }, deputy())).data!.member;
    expect(asDeputy.viewerCan).toEqual({ issueAccount: false, administerAccount: false, grantRole: false });
    const asAdmin = await subgraph.call(ABILITIES, { id: t.plain.id }, wardAdmin());
    expect(asAdmin.data!.member.viewerCan).toEqual({ issueAccount: true, administerAccount: true, grantRole: true });
    expect(asAdmin.data!.member.grantableOrganizations).toEqual([{ id: t.cell.id }, { id: t.ward.id }]);
    expect(asAdmin.data!.member.account.availableActions).toEqual(expect.arrayContaining(['REISSUE', 'LOCK', 'REVOKE']));
    expect(asAdmin.data!.member.account.availableActions).not.toContain('UNLOCK');
  });

  it('offers an officer only a password change on their own account', async () => {
    const own = await subgraph.call(ABILITIES, { id: t.deputy.id }, deputy());
    expect(own.data!.member.account.availableActions).toEqual(['CHANGE_PASSWORD']);
    expect(own.data!.member.grantableOrganizations).toEqual([]);
  });
});

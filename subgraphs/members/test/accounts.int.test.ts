import { tables } from '@dangvu/drizzle';
import { buildAccount, buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { verifyAccessToken, verifyAuditChain, type importKey } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let publicKey: Awaited<ReturnType<typeof importKey>>;
const t = {} as { province: Node; ward: Node; cell: Node; otherWard: Node; member: { id: string; citizenId: string }; other: { id: string }; elder: { id: string } };

beforeAll(async () => {
  ({ subgraph, publicKey } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình' });
  t.ward = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE' });
  t.otherWard = await buildOrganization(db, { parent: t.province, name: 'Đảng bộ phường Tam Điệp', type: 'PROVINCE_SUBORDINATE' });
  t.cell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông' });
  t.member = await buildMember(db, t.cell, { fullName: 'Vũ Thị Lan', citizenId: '037190000222' });
  t.other = await buildMember(db, t.cell, { fullName: 'Hoàng Văn Sơn' });
  t.elder = await buildMember(db, t.cell, { fullName: 'Đỗ Văn Cẩn', activityStatus: 'EXEMPT' });
  await buildAccount(db, t.other, 'son.hoang', 'Mat-khau-cu-1');
});
afterAll(() => subgraph?.stop());

const admin = () => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path);
const secretary = () => personWith('00000000-0000-4000-8000-0000000000a2', 'SECRETARY', t.cell.path);
const outsider = () => personWith('00000000-0000-4000-8000-0000000000a3', 'ADMIN', t.otherWard.path);
const codes = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.map((e) => e.extensions?.code);

const ISSUE = 'mutation ($id: ID!) { issueAccount(input: { memberId: $id }) { account { username status } activationCode activationExpiresAt userErrors { code } } }';
const ACTIVATE = 'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { account { status } userErrors { code field message } } }';
const LOGIN = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token userErrors { code } } }';

describe('an account’s life', () => {
  let code = '';

  it('is issued by the cell secretary with a one-time code, the citizen ID as username', async () => {
    const { data, errors } = await subgraph.call(ISSUE, { id: t.member.id }, secretary());
    expect(errors).toBeUndefined();
    expect(data!.issueAccount.account).toEqual({ username: '037190000222', status: 'PENDING' });
    code = data!.issueAccount.activationCode;
    // Seven days, in Vietnam's time, for the slip the secretary prints.
    expect(data!.issueAccount.activationExpiresAt).toMatch(/\+07:00$/);
    expect(Date.parse(data!.issueAccount.activationExpiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const [stored] = await subgraph.db.db.select().from(tables.accounts).where(eq(tables.accounts.memberId, t.member.id));
    expect(stored!.activationCodeHash).not.toContain(code.replace('-', ''));
  });

  it('is not issued twice, nor by someone outside the member’s organization', async () => {
    expect((await subgraph.call(ISSUE, { id: t.member.id }, secretary())).data!.issueAccount.userErrors).toEqual([{ code: 'ACCOUNT_EXISTS' }]);
    expect(codes(await subgraph.call(ISSUE, { id: t.elder.id }, outsider()))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.call(ISSUE, { id: t.elder.id }, personWith(t.other.id)))).toEqual(['FORBIDDEN']);
  });

  it('refuses a wrong code and a weak password, and stays pending', async () => {
    const wrong = await subgraph.call(ACTIVATE, { input: { username: '037190000222', activationCode: 'AAAAA-AAAAA', password: 'Cây đa bến nước sân đình' } });
    expect(wrong.data!.activateAccount.userErrors[0].code).toBe('INVALID_ACTIVATION');
    const weak = await subgraph.call(ACTIVATE, { input: { username: '037190000222', activationCode: code, password: '0912345678' } });
    expect(weak.data!.activateAccount.userErrors).toEqual([{ code: 'PASSWORD_DIGITS_ONLY', field: 'password', message: expect.stringMatching(/chữ số/) }]);
    const login = await subgraph.call(LOGIN, { u: '037190000222', p: '0912345678' });
    expect(login.data!.login.token).toBeNull();
  });

  it('is activated by the member with the code (lower case and spaces forgiven), then signs in', async () => {
    const typed = ` ${code.toLowerCase().replace('-', ' ')}`;
    const { data } = await subgraph.call(ACTIVATE, { input: { username: '037190000222', activationCode: typed, password: 'Cây đa bến nước sân đình' } });
    expect(data!.activateAccount).toEqual({ account: { status: 'ACTIVE' }, userErrors: [] });
    const login = await subgraph.call(LOGIN, { u: '037190000222', p: 'Cây đa bến nước sân đình' });
    expect(login.data!.login.token).toBeTruthy();
    const again = await subgraph.call(ACTIVATE, { input: { username: '037190000222', activationCode: code, password: 'Một mật khẩu khác hẳn' } });
    expect(again.data!.activateAccount.userErrors[0].code).toBe('INVALID_ACTIVATION');
  });

  it('is locked and unlocked by an administrator over the member, and locked accounts cannot sign in', async () => {
    const lock = await subgraph.call('mutation ($id: ID!) { lockAccount(input: { memberId: $id }) { account { status } userErrors { code } } }', { id: t.member.id }, admin());
    expect(lock.data!.lockAccount.account.status).toBe('LOCKED');
    expect((await subgraph.call(LOGIN, { u: '037190000222', p: 'Cây đa bến nước sân đình' })).data!.login.token).toBeNull();
    expect(codes(await subgraph.call('mutation ($id: ID!) { unlockAccount(input: { memberId: $id }) { account { status } } }', { id: t.member.id }, secretary()))).toEqual(['FORBIDDEN']);
    const unlock = await subgraph.call('mutation ($id: ID!) { unlockAccount(input: { memberId: $id }) { account { status } } }', { id: t.member.id }, admin());
    expect(unlock.data!.unlockAccount.account.status).toBe('ACTIVE');
    expect((await subgraph.call(LOGIN, { u: '037190000222', p: 'Cây đa bến nước sân đình' })).data!.login.token).toBeTruthy();
  });

  it('is revoked for good', async () => {
    const revoke = await subgraph.call('mutation ($id: ID!) { revokeAccount(input: { memberId: $id }) { account { status } } }', { id: t.other.id }, admin());
    expect(revoke.data!.revokeAccount.account.status).toBe('REVOKED');
    const unlock = await subgraph.call('mutation ($id: ID!) { unlockAccount(input: { memberId: $id }) { userErrors { code } } }', { id: t.other.id }, admin());
    expect(unlock.data!.unlockAccount.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION' }]);
    expect((await subgraph.call(LOGIN, { u: 'son.hoang', p: 'Mat-khau-cu-1' })).data!.login.token).toBeNull();
  });

  it('stays locked when the member was expelled: the administrator is told why in Vietnamese, and nothing changes', async () => {
    const { db } = subgraph.db;
    const expelled = await buildMember(db, t.cell, { fullName: 'Lý Văn Khai', activityStatus: 'EXPELLED' });
    const account = await buildAccount(db, expelled, 'khai.ly', 'Mat-khau-cu-2');
    // As the expulsion decision left it (member-status.int.test.ts follows that decision itself).
    await db.update(tables.accounts).set({ status: 'LOCKED' }).where(eq(tables.accounts.id, account.id));
    const UNLOCK = 'mutation ($id: ID!) { unlockAccount(input: { memberId: $id }) { account { status } userErrors { code field message } } }';
    const unlock = await subgraph.call(UNLOCK, { id: expelled.id }, admin());
    expect(unlock.data!.unlockAccount).toEqual({
      account: null,
      userErrors: [{ code: 'MEMBERSHIP_ENDED', field: 'memberId', message: 'Không thể mở khóa: theo quyết định của cấp ủy, đảng viên đã bị khai trừ, nên không được dùng tài khoản.' }],
    });
    const [after] = await db.select({ status: tables.accounts.status }).from(tables.accounts).where(eq(tables.accounts.id, account.id));
    expect(after!.status).toBe('LOCKED');
    const trail = await db.select().from(tables.auditEntries).where(eq(tables.auditEntries.subjectMemberId, expelled.id));
    expect(trail.filter((entry) => entry.action === 'account.unlocked')).toEqual([]);
  });

  it('is not issued to a member whose membership ended: MEMBERSHIP_ENDED, and no account is made', async () => {
    const { db } = subgraph.db;
    const deceased = await buildMember(db, t.cell, { fullName: 'Tô Văn Mất', activityStatus: 'DECEASED' });
    const ISSUE = 'mutation ($id: ID!) { issueAccount(input: { memberId: $id }) { account { status } activationCode userErrors { code message } } }';
    const { data } = await subgraph.call(ISSUE, { id: deceased.id }, admin());
    expect(data!.issueAccount).toEqual({ account: null, activationCode: null, userErrors: [{ code: 'MEMBERSHIP_ENDED', message: expect.stringContaining('Không thể cấp tài khoản') }] });
    expect(await db.select().from(tables.accounts).where(eq(tables.accounts.memberId, deceased.id))).toEqual([]);
  });
});

describe('a forgotten or changed password', () => {
  const CHANGE = 'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { account { status } userErrors { code field } } }';
  const REISSUE = 'mutation ($id: ID!) { reissueAccount(input: { memberId: $id }) { account { status secondFactorEnabled } activationCode userErrors { code } } }';
  let owner: { id: string };
  const signsIn = async (password: string) => Boolean((await subgraph.call(LOGIN, { u: 'ngoc.tran', p: password })).data!.login.token);

  beforeAll(async () => {
    owner = await buildMember(subgraph.db.db, t.cell, { fullName: 'Trần Thị Ngọc' });
    await buildAccount(subgraph.db.db, owner, 'ngoc.tran', 'Mật khẩu đầu tiên 1');
  });

  it('is changed by the member, who must give the current password and a new one that meets the policy', async () => {
    const me = personWith(owner.id);
    const wrong = await subgraph.call(CHANGE, { input: { currentPassword: 'đoán bừa thôi', newPassword: 'Trăng rằm tháng tám' } }, me);
    expect(wrong.data!.changePassword).toEqual({ account: null, userErrors: [{ code: 'WRONG_PASSWORD', field: 'currentPassword' }] });
    const weak = await subgraph.call(CHANGE, { input: { currentPassword: 'Mật khẩu đầu tiên 1', newPassword: 'ngắn' } }, me);
    expect(weak.data!.changePassword.userErrors).toEqual([{ code: 'PASSWORD_TOO_SHORT', field: 'newPassword' }]);
    expect(await signsIn('Mật khẩu đầu tiên 1')).toBe(true);

    const changed = await subgraph.call(CHANGE, { input: { currentPassword: 'Mật khẩu đầu tiên 1', newPassword: 'Trăng rằm tháng tám' } }, me);
    expect(changed.data!.changePassword).toEqual({ account: { status: 'ACTIVE' }, userErrors: [] });
    expect(await signsIn('Mật khẩu đầu tiên 1')).toBe(false);
    expect(await signsIn('Trăng rằm tháng tám')).toBe(true);
  });

  it('is not for a caller who is not signed in as a person', async () => {
    expect(codes(await subgraph.call(CHANGE, { input: { currentPassword: 'x', newPassword: 'y' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('gets a new one-time code from the secretary, which ends the old password and the second factor', async () => {
    await subgraph.db.db.update(tables.accounts).set({ totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totpEnabledAt: new Date() }).where(eq(tables.accounts.username, 'ngoc.tran'));
    expect(codes(await subgraph.call(REISSUE, { id: owner.id }, outsider()))).toEqual(['FORBIDDEN']);
    const { data } = await subgraph.call(REISSUE, { id: owner.id }, secretary());
    expect(data!.reissueAccount).toMatchObject({ account: { status: 'PENDING', secondFactorEnabled: false }, userErrors: [] });
    expect(await signsIn('Trăng rằm tháng tám')).toBe(false);
    const activated = await subgraph.call(ACTIVATE, { input: { username: 'ngoc.tran', activationCode: data!.reissueAccount.activationCode, password: 'Sông Hồng quê tôi' } });
    expect(activated.data!.activateAccount.userErrors).toEqual([]);
    expect(await signsIn('Sông Hồng quê tôi')).toBe(true);
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.subjectMemberId, owner.id));
    expect(trail.map((entry) => entry.action)).toEqual(expect.arrayContaining(['account.passwordChanged', 'account.reissued', 'account.activated']));
    expect(JSON.stringify(trail)).not.toMatch(/argon2|JBSWY3DP/);
  });

  it('is not reissued for a member without an account, nor for a revoked one', async () => {
    expect((await subgraph.call(REISSUE, { id: t.elder.id }, secretary())).data!.reissueAccount.userErrors).toEqual([{ code: 'NO_ACCOUNT' }]);
    expect((await subgraph.call(REISSUE, { id: t.other.id }, admin())).data!.reissueAccount.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION' }]);
  });
});

describe('role grants', () => {
  const GRANT = 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { grant { id role startsOn endsOn organization { id } } userErrors { code field } } }';
  const END = 'mutation ($input: EndRoleInput!) { endRole(input: $input) { grant { endsOn } userErrors { code } } }';

  it('gives a role on the member’s cell, which the next login carries', async () => {
    const { data } = await subgraph.call(GRANT, { input: { memberId: t.member.id, role: 'SECRETARY', organizationId: t.cell.id, startsOn: '2026-01-01' } }, admin());
    expect(data!.grantRole.grant).toMatchObject({ role: 'SECRETARY', startsOn: '2026-01-01', endsOn: null, organization: { id: t.cell.id } });
    const login = await subgraph.call(LOGIN, { u: '037190000222', p: 'Cây đa bến nước sân đình' });
    const verified = await verifyAccessToken(login.data!.login.token, publicKey);
    expect(verified.ok && verified.identity.grants).toEqual([{ role: 'SECRETARY', orgId: t.cell.id, orgPath: t.cell.path }]);
  });

  it('keeps one secretary per organization at a time', async () => {
    const { data } = await subgraph.call(GRANT, { input: { memberId: t.other.id, role: 'SECRETARY', organizationId: t.cell.id, startsOn: '2026-03-01' } }, admin());
    expect(data!.grantRole.userErrors).toEqual([{ code: 'ROLE_TAKEN', field: 'role' }]);
  });

  it('refuses a role on an organization the member does not belong to, and a member exempt from activity', async () => {
    const outside = await subgraph.call(GRANT, { input: { memberId: t.member.id, role: 'DEPUTY_SECRETARY', organizationId: t.otherWard.id } }, admin());
    expect(outside.data!.grantRole.userErrors[0].code).toBe('OUTSIDE_MEMBER_ORGANIZATION');
    const exempt = await subgraph.call(GRANT, { input: { memberId: t.elder.id, role: 'DEPUTY_SECRETARY', organizationId: t.cell.id } }, admin());
    expect(exempt.data!.grantRole.userErrors[0].code).toBe('MEMBER_NOT_ACTIVE');
  });

  it('ends a grant, after which the role is free again', async () => {
    const [grant] = await subgraph.db.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, t.member.id));
    const ended = await subgraph.call(END, { input: { grantId: grant!.id, endsOn: '2026-06-01' } }, admin());
    expect(ended.data!.endRole).toEqual({ grant: { endsOn: '2026-06-01' }, userErrors: [] });
    const next = await subgraph.call(GRANT, { input: { memberId: t.other.id, role: 'SECRETARY', organizationId: t.cell.id, startsOn: '2026-06-01' } }, admin());
    expect(next.data!.grantRole.userErrors).toEqual([]);
  });

  it('refuses an administrator of another ward', async () => {
    expect(codes(await subgraph.call(GRANT, { input: { memberId: t.member.id, role: 'DEPUTY_SECRETARY', organizationId: t.cell.id } }, outsider()))).toEqual(['FORBIDDEN']);
  });
});

describe('partner systems', () => {
  const REGISTER = 'mutation ($input: RegisterPartnerClientInput!) { registerPartnerClient(input: $input) { partner { id scopes } clientSecret userErrors { code field } } }';
  const TOKEN = 'mutation ($id: ID!, $secret: String!) { partnerToken(input: { clientId: $id, clientSecret: $secret }) { token userErrors { code } } }';
  const rootAdmin = () => personWith('00000000-0000-4000-8000-0000000000a9', 'ADMIN', t.province.path);

  it('are registered by an administrator of the whole tree and get a read token carrying their scopes', async () => {
    const { data } = await subgraph.call(REGISTER, { input: { name: 'Cơ sở dữ liệu đảng viên 4.0', scopes: ['members:read'] } }, rootAdmin());
    const { partner, clientSecret } = data!.registerPartnerClient;
    const token = await subgraph.call(TOKEN, { id: partner.id, secret: clientSecret });
    const verified = await verifyAccessToken(token.data!.partnerToken.token, publicKey);
    expect(verified.ok && verified.identity).toEqual({ personId: null, grants: [], partner: { clientId: partner.id, scopes: ['members:read'] } });
  });

  it('answer a wrong secret and an unknown client alike', async () => {
    const [partner] = await subgraph.db.db.select().from(tables.partnerClients);
    const wrong = await subgraph.call(TOKEN, { id: partner!.id, secret: 'sai' });
    const unknown = await subgraph.call(TOKEN, { id: '00000000-0000-4000-8000-00000000dead', secret: 'sai' });
    expect(wrong.data).toEqual(unknown.data);
    expect(wrong.data!.partnerToken.userErrors).toEqual([{ code: 'INVALID_CLIENT' }]);
  });

  it('hold tokens whose session is their client, ended when an administrator of the whole tree revokes them', async () => {
    const REVOKE = 'mutation ($id: ID!) { revokePartnerClient(input: { clientId: $id }) { partner { id } userErrors { code field } } }';
    const STATE = 'query ($id: ID!) { sessionState(id: $id) }';
    const { data } = await subgraph.call(REGISTER, { input: { name: 'Cổng dịch vụ công', scopes: ['organizations:read'] } }, rootAdmin());
    const { partner, clientSecret } = data!.registerPartnerClient;
    const token = (await subgraph.call(TOKEN, { id: partner.id, secret: clientSecret })).data!.partnerToken.token as string;
    expect(decodeJwt(token).sid).toBe(partner.id);
    const caller = { personId: null, grants: [], partner: { clientId: partner.id, scopes: ['organizations:read'] } };
    expect((await subgraph.call(STATE, { id: partner.id }, caller)).data!.sessionState).toBe('ACTIVE');
    // A partner asking about another client's session learns nothing of it.
    const other = { ...caller, partner: { clientId: '00000000-0000-4000-8000-00000000beef', scopes: [] } };
    expect((await subgraph.call(STATE, { id: partner.id }, other)).data!.sessionState).toBe('ENDED');

    // Neither a ward administrator nor the partner itself revokes it.
    expect(codes(await subgraph.call(REVOKE, { id: partner.id }, admin()))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.call(REVOKE, { id: partner.id }, caller))).toEqual(['FORBIDDEN']);
    const revoked = await Promise.all(Array.from({ length: 20 }, () => subgraph.call(REVOKE, { id: partner.id }, rootAdmin())));
    expect(revoked.map((answer) => answer.data!.revokePartnerClient)).toEqual(revoked.map(() => ({ partner: { id: partner.id }, userErrors: [] })));
    const entries = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'partner.revoked'));
    expect(entries.map((entry) => entry.entityId)).toEqual([partner.id]);

    expect((await subgraph.call(STATE, { id: partner.id }, caller)).data!.sessionState).toBe('ENDED');
    expect((await subgraph.call(TOKEN, { id: partner.id, secret: clientSecret })).data!.partnerToken.userErrors).toEqual([{ code: 'INVALID_CLIENT' }]);
    const unknown = await subgraph.call(REVOKE, { id: '00000000-0000-4000-8000-00000000dead' }, rootAdmin());
    expect(unknown.data!.revokePartnerClient.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'clientId' }]);
  });

  it('are not registered by a ward administrator, nor with unknown scopes', async () => {
    expect(codes(await subgraph.call(REGISTER, { input: { name: 'Ứng dụng', scopes: ['members:read'] } }, admin()))).toEqual(['FORBIDDEN']);
    const bad = await subgraph.call(REGISTER, { input: { name: 'Ứng dụng', scopes: ['members:write'] } }, rootAdmin());
    expect(bad.data!.registerPartnerClient.userErrors).toEqual([{ code: 'INVALID_SCOPES', field: 'scopes' }]);
  });
});

describe('the audit trail of account administration', () => {
  it('records each step against the member, without secrets, in an unbroken chain', async () => {
    const entries = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.subjectMemberId, t.member.id));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.issued', 'account.activated', 'account.locked', 'account.unlocked', 'roleGrant.granted', 'roleGrant.ended']),
    );
    expect(JSON.stringify(entries)).not.toMatch(/password|activationCode/i);
    expect((await verifyAuditChain(subgraph.db.db)).problems).toEqual([]);
  });
});

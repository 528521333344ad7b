import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import { verifyAuditChain, vietnamDay, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSubgraph } from '../src/server.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const tree = {} as { province: Node; hoaLu: Node; tamDiep: Node; dong: Node; enterprise: Node };
const today = vietnamDay(new Date());
const admin = (org: Node = tree.province) => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', org.path);
const as = (role: Role, org: Node) => personWith('00000000-0000-4000-8000-0000000000b2', role, org.path);

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', organizationSubgraph);
  const { db } = subgraph.db;
  tree.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình', code: 'NB' });
  tree.hoaLu = await buildOrganization(db, { parent: tree.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE', code: 'NB.1' });
  tree.tamDiep = await buildOrganization(db, { parent: tree.province, name: 'Đảng bộ phường Tam Điệp', type: 'PROVINCE_SUBORDINATE', code: 'NB.2' });
  tree.dong = await buildOrganization(db, { parent: tree.hoaLu, name: 'Chi bộ tổ dân phố Đông', code: 'NB.1.1' });
  tree.enterprise = await buildOrganization(db, { parent: tree.hoaLu, name: 'Đảng bộ Công ty Dệt may', type: 'GRASSROOTS_COMMITTEE', code: 'NB.1.2' });
  for (const org of Object.values(tree)) {
    const row = (await db.select().from(tables.organizations).where(eq(tables.organizations.id, org.id)))[0]!;
    await db.insert(tables.organizationVersions).values({ orgId: row.id, name: row.name, type: row.type, parentId: row.parentId, path: row.path, validFrom: '2025-07-01' });
  }
  await db.insert(tables.memberCounts).values({ orgId: tree.dong.id, members: 27 });
});
afterAll(() => subgraph?.stop());

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) {
  organization { id name type parent { name } } userErrors { code field message } } }`;
const RENAME = `mutation ($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name version } userErrors { code field } } }`;
const MOVE = `mutation ($input: MoveOrganizationInput!) { moveOrganization(input: $input) { organization { parent { name } } userErrors { code field } } }`;
const DISSOLVE = `mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { organization { dissolvedOn } userErrors { code field message } } }`;
const SET_ACCOUNT = `mutation ($input: SetBankAccountInput!) { setBankAccount(input: $input) {
  bankAccount { bank { shortName } accountNumber holderName } userErrors { code field } } }`;

const organizationCount = async () => (await subgraph.db.db.select().from(tables.organizations)).length;
const auditActions = async () => (await subgraph.db.db.select().from(tables.auditEntries)).map((entry) => entry.action);

describe('createOrganization', () => {
  it('creates a cell under a ward, with its history and an audit entry', async () => {
    const { data, errors } = await subgraph.call(
      CREATE,
      { input: { parentId: tree.hoaLu.id, code: 'NB.1.9', name: '  Chi bộ tổ dân phố Bắc ', type: 'GRASSROOTS_CELL' } },
      admin(),
    );
    expect(errors).toBeUndefined();
    expect(data!.createOrganization).toMatchObject({
      organization: { name: 'Chi bộ tổ dân phố Bắc', type: 'GRASSROOTS_CELL', parent: { name: 'Đảng bộ phường Hoa Lư' } },
      userErrors: [],
    });
    const id = data!.createOrganization.organization.id;
    const history = await subgraph.call('query ($id: ID!) { organization(id: $id) { history { name validFrom validTo } } }', { id }, admin());
    expect(history.data!.organization.history).toEqual([{ name: 'Chi bộ tổ dân phố Bắc', validFrom: today, validTo: null }]);
    expect(await auditActions()).toContain('organization.created');
  });

  it.each([
    ['a cell under a cell', { parentId: () => tree.dong.id, type: 'GRASSROOTS_CELL' }, 'CELL_HAS_NO_CHILDREN'],
    ['a partial committee under a ward', { parentId: () => tree.hoaLu.id, type: 'PARTIAL_COMMITTEE' }, 'INVALID_PARENT_TYPE'],
    ['a ward under a ward', { parentId: () => tree.hoaLu.id, type: 'PROVINCE_SUBORDINATE' }, 'INVALID_PARENT_TYPE'],
    ['a code already used', { parentId: () => tree.hoaLu.id, type: 'GRASSROOTS_CELL', code: 'NB.1.1' }, 'CODE_TAKEN'],
    ['a lower-case code', { parentId: () => tree.hoaLu.id, type: 'GRASSROOTS_CELL', code: 'nb.x' }, 'INVALID_CODE'],
  ])('refuses %s with a userError and writes nothing', async (_, input, code) => {
    const before = await organizationCount();
    const { data } = await subgraph.call(
      CREATE,
      { input: { code: 'NB.X.1', name: 'Chi bộ mới', ...input, parentId: input.parentId() } },
      admin(),
    );
    expect(data!.createOrganization.organization).toBeNull();
    expect(data!.createOrganization.userErrors[0].code).toBe(code);
    expect(data!.createOrganization.userErrors[0].message).toMatch(/\p{L}/u);
    expect(await organizationCount()).toBe(before);
  });

  it('refuses a secretary of another ward, and a member without a role', async () => {
    const input = { parentId: tree.hoaLu.id, code: 'NB.1.8', name: 'Chi bộ khác', type: 'GRASSROOTS_CELL' };
    for (const caller of [as('SECRETARY', tree.tamDiep), personWith('00000000-0000-4000-8000-0000000000c3')]) {
      const { errors } = await subgraph.call(CREATE, { input }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('answers an unknown parent with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const input = { code: 'NB.1.7', name: 'Chi bộ khác', type: 'GRASSROOTS_CELL' };
    const unknown = await subgraph.call(CREATE, { input: { ...input, parentId: '00000000-0000-4000-8000-00000000ffff' } }, admin());
    expect(unknown.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const malformed = await subgraph.call(CREATE, { input: { ...input, parentId: 'x' } }, admin());
    expect(malformed.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('renameOrganization and the tree as it was', () => {
  it('keeps the old name for the days before the rename', async () => {
    const { data } = await subgraph.call(RENAME, { input: { id: tree.tamDiep.id, name: 'Đảng bộ phường Yên Sơn', effectiveOn: '2026-01-01' } }, admin());
    expect(data!.renameOrganization).toEqual({ organization: { name: 'Đảng bộ phường Yên Sơn', version: 2 }, userErrors: [] });
    const at = (day: string) => subgraph.call('query ($id: ID!, $day: Date) { organization(id: $id, asOf: $day) { name } }', { id: tree.tamDiep.id, day }, admin());
    expect((await at('2025-12-31')).data!.organization.name).toBe('Đảng bộ phường Tam Điệp');
    expect((await at('2026-01-01')).data!.organization.name).toBe('Đảng bộ phường Yên Sơn');
    expect((await at('2025-01-01')).data!.organization).toBeNull();
  });

  it('refuses a date in the future or before the current name began', async () => {
    const future = await subgraph.call(RENAME, { input: { id: tree.dong.id, name: 'Chi bộ Đông Mới', effectiveOn: '2999-01-01' } }, admin());
    expect(future.data!.renameOrganization.userErrors).toEqual([{ code: 'EFFECTIVE_DATE_IN_FUTURE', field: 'effectiveOn' }]);
    const early = await subgraph.call(RENAME, { input: { id: tree.dong.id, name: 'Chi bộ Đông Mới', effectiveOn: '2020-01-01' } }, admin());
    expect(early.data!.renameOrganization.userErrors).toEqual([{ code: 'EFFECTIVE_DATE_TOO_EARLY', field: 'effectiveOn' }]);
  });
});

describe('moveOrganization', () => {
  it('moves a committee and its subtree, keeps the old parent in history and announces the move', async () => {
    const sub = await buildOrganization(subgraph.db.db, { parent: tree.enterprise, name: 'Chi bộ Phân xưởng May', type: 'SUBORDINATE_CELL', code: 'NB.1.2.1' });
    const { data, errors } = await subgraph.call(MOVE, { input: { id: tree.enterprise.id, newParentId: tree.tamDiep.id } }, admin());
    expect(errors).toBeUndefined();
    expect(data!.moveOrganization).toEqual({ organization: { parent: { name: 'Đảng bộ phường Yên Sơn' } }, userErrors: [] });
    const [moved] = await subgraph.db.db.select().from(tables.organizations).where(eq(tables.organizations.id, sub.id));
    expect(moved!.path).toBe(`${tree.tamDiep.path}${tree.enterprise.id}/${sub.id}/`);
    const events = await subgraph.db.db.select().from(tables.outboxEvents);
    expect(events.map((e) => [e.topic, e.payload])).toContainEqual([
      'organization.moved',
      { orgId: tree.enterprise.id, oldPath: tree.enterprise.path, newPath: `${tree.tamDiep.path}${tree.enterprise.id}/` },
    ]);
    const yesterday = await subgraph.call(
      'query ($id: ID!, $day: Date) { organization(id: $id, asOf: $day) { parent { name } } }',
      { id: tree.enterprise.id, day: '2025-08-01' },
      admin(),
    );
    expect(yesterday.data!.organization.parent.name).toBe('Đảng bộ phường Hoa Lư');
  });

  it('refuses a move under its own subtree, and a caller who reaches only one end', async () => {
    const own = await subgraph.call(MOVE, { input: { id: tree.hoaLu.id, newParentId: tree.dong.id } }, admin());
    expect(own.data!.moveOrganization.userErrors[0].code).toBe('MOVE_INTO_OWN_SUBTREE');
    const oneEnd = await subgraph.call(MOVE, { input: { id: tree.dong.id, newParentId: tree.tamDiep.id } }, admin(tree.hoaLu));
    expect(oneEnd.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('setRolloutScope', () => {
  const SCOPE = `mutation ($input: SetRolloutScopeInput!) { setRolloutScope(input: $input) { organization { inRolloutScope version } userErrors { code field } } }`;

  it('lets the ward’s administrator keep a cell out of the roll-out and back in, each change audited', async () => {
    const before = (await auditActions()).filter((action) => action === 'organization.rolloutScopeSet').length;
    const out = await subgraph.call(SCOPE, { input: { id: tree.dong.id, inRolloutScope: false } }, admin(tree.hoaLu));
    expect(out.data!.setRolloutScope).toMatchObject({ organization: { inRolloutScope: false }, userErrors: [] });
    const again = await subgraph.call(SCOPE, { input: { id: tree.dong.id, inRolloutScope: false } }, admin(tree.hoaLu));
    expect(again.data!.setRolloutScope.organization.version).toBe(out.data!.setRolloutScope.organization.version);
    const back = await subgraph.call(SCOPE, { input: { id: tree.dong.id, inRolloutScope: true } }, as('SECRETARY', tree.hoaLu));
    expect(back.data!.setRolloutScope.organization.inRolloutScope).toBe(true);
    // Setting what is already set is no change: two entries, not three.
    expect((await auditActions()).filter((action) => action === 'organization.rolloutScopeSet').length).toBe(before + 2);
    // Each change is announced, for the report figures' copies of the setting (docs/rules/reports.md#who-counts).
    const announced = (await subgraph.db.db.select().from(tables.outboxEvents)).filter((e) => e.topic === 'organization.rolloutSet' && e.aggregateId === tree.dong.id);
    expect(announced.map((e) => e.payload)).toEqual([
      { orgId: tree.dong.id, path: tree.dong.path, inRolloutScope: false, rolloutOnlineFrom: null },
      { orgId: tree.dong.id, path: tree.dong.path, inRolloutScope: true, rolloutOnlineFrom: null },
    ]);
  });

  it('refuses the cell’s own secretary and another ward’s administrator, changing nothing', async () => {
    for (const caller of [as('SECRETARY', tree.dong), admin(tree.tamDiep)]) {
      const { data, errors } = await subgraph.call(SCOPE, { input: { id: tree.dong.id, inRolloutScope: false } }, caller);
      expect(data).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const [row] = await subgraph.db.db.select().from(tables.organizations).where(eq(tables.organizations.id, tree.dong.id));
    expect(row!.inRolloutScope).toBe(true);
  });
});

describe('dissolveOrganization', () => {
  it('refuses an organization with members or organizations under it', async () => {
    const withMembers = await subgraph.call(DISSOLVE, { input: { id: tree.dong.id } }, admin());
    expect(withMembers.data!.dissolveOrganization.userErrors[0]).toMatchObject({ code: 'HAS_MEMBERS', message: expect.stringContaining('27') });
    const withChildren = await subgraph.call(DISSOLVE, { input: { id: tree.hoaLu.id } }, admin());
    expect(withChildren.data!.dissolveOrganization.userErrors[0].code).toBe('HAS_CHILDREN');
  });

  it('dissolves an empty cell, which then leaves its parent’s children', async () => {
    const empty = await buildOrganization(subgraph.db.db, { parent: tree.hoaLu, name: 'Chi bộ sắp giải thể', code: 'NB.1.50' });
    const { data } = await subgraph.call(DISSOLVE, { input: { id: empty.id } }, admin());
    expect(data!.dissolveOrganization).toEqual({ organization: { dissolvedOn: today }, userErrors: [] });
    const children = await subgraph.call('query ($id: ID!) { organization(id: $id) { children { name } } }', { id: tree.hoaLu.id }, admin());
    expect(children.data!.organization.children.map((c: { name: string }) => c.name)).not.toContain('Chi bộ sắp giải thể');
    const again = await subgraph.call(DISSOLVE, { input: { id: empty.id } }, admin());
    expect(again.data!.dissolveOrganization.userErrors[0].code).toBe('ALREADY_DISSOLVED');
  });
});

describe('setBankAccount', () => {
  const input = () => ({ organizationId: tree.dong.id, bankBin: '970405', accountNumber: '3500 205 123456', holderName: 'Chi bộ tổ dân phố Đông' });

  it('lets the cell’s finance member set it, normalized and audited', async () => {
    const { data } = await subgraph.call(SET_ACCOUNT, { input: input() }, as('FINANCE_MEMBER', tree.dong));
    expect(data!.setBankAccount).toEqual({
      bankAccount: { bank: { shortName: 'Agribank' }, accountNumber: '3500205123456', holderName: 'CHI BO TO DAN PHO DONG' },
      userErrors: [],
    });
    const read = await subgraph.call('query ($id: ID!) { organization(id: $id) { bankAccount { accountNumber } } }', { id: tree.dong.id }, personWith('00000000-0000-4000-8000-0000000000d4'));
    expect(read.data!.organization.bankAccount).toEqual({ accountNumber: '3500205123456' });
    expect(await auditActions()).toContain('bankAccount.set');
  });

  it('lets the secretary change it, with the change audited', async () => {
    const { data } = await subgraph.call(SET_ACCOUNT, { input: { ...input(), bankBin: '970436', accountNumber: '0011001234567' } }, as('SECRETARY', tree.dong));
    expect(data!.setBankAccount.bankAccount.bank.shortName).toBe('Vietcombank');
    expect(await auditActions()).toContain('bankAccount.changed');
  });

  it('lets the finance member of the ward above set it, and refuses another ward’s secretary and the cell’s deputy', async () => {
    const { data } = await subgraph.call(SET_ACCOUNT, { input: { ...input(), bankBin: '970436' } }, as('FINANCE_MEMBER', tree.hoaLu));
    expect(data!.setBankAccount.userErrors).toEqual([]);
    for (const caller of [as('SECRETARY', tree.tamDiep), as('DEPUTY_SECRETARY', tree.dong)]) {
      const { errors } = await subgraph.call(SET_ACCOUNT, { input: input() }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('names each bad field and changes nothing', async () => {
    const { data } = await subgraph.call(SET_ACCOUNT, { input: { ...input(), bankBin: '111111', accountNumber: '12', holderName: '#' } }, as('SECRETARY', tree.dong));
    expect(data!.setBankAccount.userErrors.map((e: { field: string }) => e.field)).toEqual(['bankBin', 'accountNumber', 'holderName']);
    const read = await subgraph.call('query ($id: ID!) { organization(id: $id) { bankAccount { bank { shortName } } } }', { id: tree.dong.id }, as('SECRETARY', tree.dong));
    expect(read.data!.organization.bankAccount.bank.shortName).toBe('Vietcombank');
  });
});

describe('the audit trail of these changes', () => {
  it('is an unbroken chain', async () => {
    const { problems, checked } = await verifyAuditChain(subgraph.db.db);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import { vietnamDay, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSubgraph } from '../src/server.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const tree = {} as Record<'province' | 'ward' | 'otherWard' | 'enterprise' | 'village' | 'school' | 'military' | 'militaryTeam' | 'workshop', Node>;
const today = vietnamDay(new Date());
const as = (role: Role, org: Node, id = '00000000-0000-4000-8000-0000000000b2') => personWith(id, role, org.path);
const member = () => personWith('00000000-0000-4000-8000-0000000000c3');

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', organizationSubgraph);
  const { db } = subgraph.db;
  tree.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Ninh Bình', code: 'NB' });
  tree.ward = await buildOrganization(db, { parent: tree.province, name: 'Đảng bộ phường Hoa Lư', type: 'PROVINCE_SUBORDINATE', code: 'NB.1' });
  tree.otherWard = await buildOrganization(db, { parent: tree.province, name: 'Đảng bộ phường Tam Điệp', type: 'PROVINCE_SUBORDINATE', code: 'NB.2' });
  tree.enterprise = await buildOrganization(db, { parent: tree.ward, name: 'Đảng bộ Công ty Dệt may', type: 'GRASSROOTS_COMMITTEE', code: 'NB.1.2' });
  tree.workshop = await buildOrganization(db, { parent: tree.enterprise, name: 'Chi bộ Phân xưởng May', type: 'SUBORDINATE_CELL', code: 'NB.1.2.1' });
  tree.village = await buildOrganization(db, { parent: tree.ward, name: 'Chi bộ thôn Đông', code: 'NB.1.1' });
  tree.school = await buildOrganization(db, { parent: tree.ward, name: 'Chi bộ Trường Tiểu học', code: 'NB.1.3' });
  tree.military = await buildOrganization(db, { parent: tree.ward, name: 'Đảng bộ Quân sự phường', type: 'GRASSROOTS_COMMITTEE', code: 'NB.1.4', inRolloutScope: false });
  tree.militaryTeam = await buildOrganization(db, { parent: tree.military, name: 'Chi bộ Dân quân', type: 'SUBORDINATE_CELL', code: 'NB.1.4.1' });
  for (const org of Object.values(tree)) {
    const row = (await db.select().from(tables.organizations).where(eq(tables.organizations.id, org.id)))[0]!;
    await db.insert(tables.organizationVersions).values({ orgId: row.id, name: row.name, type: row.type, parentId: row.parentId, path: row.path, validFrom: '2025-07-01' });
  }
  await db.insert(tables.memberCounts).values([
    { orgId: tree.village.id, members: 57 },
    { orgId: tree.school.id, members: 2 },
    { orgId: tree.workshop.id, members: 12 },
  ]);
});
afterAll(() => subgraph?.stop());

const RECLASSIFY = `mutation ($input: ReclassifyOrganizationInput!) { reclassifyOrganization(input: $input) {
  organization { type parent { id } history { type validFrom validTo } } userErrors { code field message } } }`;
const auditOf = async (action: string) => (await subgraph.db.db.select().from(tables.auditEntries)).filter((entry) => entry.action === action);
const typeOf = async (org: Node) => (await subgraph.db.db.select().from(tables.organizations).where(eq(tables.organizations.id, org.id)))[0]!;

describe('reclassifyOrganization', () => {
  it('moves a grassroots cell under a grassroots committee as a subordinate cell in one operation, dated and audited', async () => {
    const { data, errors } = await subgraph.call(
      RECLASSIFY,
      { input: { id: tree.school.id, type: 'SUBORDINATE_CELL', newParentId: tree.enterprise.id, effectiveOn: today } },
      as('SECRETARY', tree.ward),
    );
    expect(errors).toBeUndefined();
    expect(data!.reclassifyOrganization).toMatchObject({ organization: { type: 'SUBORDINATE_CELL', parent: { id: tree.enterprise.id } }, userErrors: [] });
    const history = data!.reclassifyOrganization.organization.history;
    expect(history.map((v: { type: string }) => v.type)).toEqual(['GRASSROOTS_CELL', 'SUBORDINATE_CELL']);
    expect(history[0].validTo).toBe(today);
    const [entry] = await auditOf('organization.reclassified');
    expect(entry).toMatchObject({ entityId: tree.school.id, before: expect.objectContaining({ type: 'GRASSROOTS_CELL' }), after: expect.objectContaining({ type: 'SUBORDINATE_CELL' }) });
    const outbox = await subgraph.db.db.select().from(tables.outboxEvents);
    expect(outbox.some((event) => event.topic === 'organization.moved' && event.aggregateId === tree.school.id)).toBe(true);
    // Its new type and place, announced after the move, for the dues subgraph's copy.
    const typed = outbox.filter((event) => event.topic === 'organization.typed' && event.aggregateId === tree.school.id);
    expect(typed.map((event) => event.payload)).toEqual([{ orgId: tree.school.id, path: (await typeOf(tree.school)).path, type: 'SUBORDINATE_CELL', administrativeUnitCode: null }]);
    tree.school = { id: tree.school.id, path: (await typeOf(tree.school)).path };
  });

  it.each([
    ['a grassroots committee with cells into a cell', () => ({ id: tree.enterprise.id, type: 'GRASSROOTS_CELL' }), 'CHILDREN_DO_NOT_FIT'],
    ['a cell into a kind the ward does not take', () => ({ id: tree.village.id, type: 'PARTIAL_COMMITTEE' }), 'INVALID_PARENT_TYPE'],
    ['a cell into the kind it has', () => ({ id: tree.village.id, type: 'GRASSROOTS_CELL' }), 'SAME_TYPE'],
    ['a date in the future', () => ({ id: tree.village.id, type: 'SUBORDINATE_CELL', effectiveOn: '2999-01-01' }), 'EFFECTIVE_DATE_IN_FUTURE'],
  ])('refuses %s with a userError and changes nothing', async (_what, input, code) => {
    const before = (await subgraph.db.db.select().from(tables.organizations)).map((row) => [row.id, row.type, row.path, row.version]);
    const { data } = await subgraph.call(RECLASSIFY, { input: input() }, as('SECRETARY', tree.ward));
    expect(data!.reclassifyOrganization.organization).toBeNull();
    expect(data!.reclassifyOrganization.userErrors[0]).toMatchObject({ code, message: expect.stringMatching(/\p{L}/u) });
    expect((await subgraph.db.db.select().from(tables.organizations)).map((row) => [row.id, row.type, row.path, row.version])).toEqual(before);
  });

  it.each([
    ['the cell’s own secretary (an organization does not decide about itself)', () => as('SECRETARY', tree.village)],
    ['another ward’s secretary', () => as('SECRETARY', tree.otherWard)],
    ['the ward’s deputy secretary', () => as('DEPUTY_SECRETARY', tree.ward)],
    ['a member without a role', member],
  ])('refuses %s with FORBIDDEN', async (_who, caller) => {
    const { errors } = await subgraph.call(RECLASSIFY, { input: { id: tree.village.id, type: 'SUBORDINATE_CELL' } }, caller());
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await typeOf(tree.village)).type).toBe('GRASSROOTS_CELL');
  });

  it('refuses a move to a committee the caller does not reach', async () => {
    const { errors } = await subgraph.call(
      RECLASSIFY,
      { input: { id: tree.village.id, type: 'SUBORDINATE_CELL', newParentId: tree.enterprise.id } },
      as('SECRETARY', tree.enterprise),
    );
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

const ROLLOUT = `query ($id: ID!) { organization(id: $id) { inRolloutScope rollout {
  inScope excludedBy { id } onlineFrom onlineFromSetOn { id } october: countsIn(month: "2026-10") september: countsIn(month: "2026-09") } } }`;
const STAGE = `mutation ($input: SetRolloutStageInput!) { setRolloutStage(input: $input) { organization { rollout { onlineFrom } } userErrors { code } } }`;

describe('the roll-out', () => {
  it('keeps a cell under an excluded committee out, named as such to the officers who reach it', async () => {
    const { data } = await subgraph.call(ROLLOUT, { id: tree.militaryTeam.id }, as('SECRETARY', tree.ward));
    expect(data!.organization).toEqual({
      inRolloutScope: false,
      rollout: { inScope: false, excludedBy: { id: tree.military.id }, onlineFrom: null, onlineFromSetOn: null, october: false, september: false },
    });
  });

  it('hides a cell under an excluded committee from a member, as if it did not exist', async () => {
    const { data } = await subgraph.call(ROLLOUT, { id: tree.militaryTeam.id }, member());
    expect(data!.organization).toBeNull();
    const children = await subgraph.call('query ($id: ID!) { organization(id: $id) { children { id } } }', { id: tree.ward.id }, member());
    expect(children.data!.organization.children.map((c: { id: string }) => c.id)).not.toContain(tree.military.id);
  });

  it('lets the ward’s secretary set the month a cell goes online; its subtree inherits the ward’s', async () => {
    const ward = await subgraph.call(STAGE, { input: { id: tree.ward.id, onlineFrom: '2026-12' } }, as('SECRETARY', tree.province));
    expect(ward.data!.setRolloutStage).toEqual({ organization: { rollout: { onlineFrom: '2026-12' } }, userErrors: [] });
    const cell = await subgraph.call(STAGE, { input: { id: tree.village.id, onlineFrom: '2026-10' } }, as('SECRETARY', tree.ward));
    expect(cell.data!.setRolloutStage.userErrors).toEqual([]);
    const village = await subgraph.call(ROLLOUT, { id: tree.village.id }, member());
    expect(village.data!.organization.rollout).toMatchObject({ onlineFrom: '2026-10', onlineFromSetOn: { id: tree.village.id }, october: true, september: false });
    const workshop = await subgraph.call(ROLLOUT, { id: tree.workshop.id }, member());
    expect(workshop.data!.organization.rollout).toMatchObject({ onlineFrom: '2026-12', onlineFromSetOn: { id: tree.ward.id }, october: false });
    expect(await auditOf('organization.rolloutStageSet')).toHaveLength(2);
  });

  it('refuses the cell’s own secretary and another ward’s secretary the month, changing nothing', async () => {
    for (const caller of [as('SECRETARY', tree.village), as('SECRETARY', tree.otherWard), as('FINANCE_MEMBER', tree.ward)]) {
      const { errors } = await subgraph.call(STAGE, { input: { id: tree.village.id, onlineFrom: '2026-08' } }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await typeOf(tree.village)).rolloutOnlineFrom).toBe('2026-10-01');
  });
});

describe('readiness and data quality', () => {
  const READINESS = `query ($id: ID!) { organization(id: $id) { accountEligible bankAccountCoverage { eligible covered } sizeWarnings { code message } } }`;

  it('counts eligible organizations of the subtree in the roll-out, and those with an account', async () => {
    await subgraph.db.db.insert(tables.bankAccounts).values({ orgId: tree.enterprise.id, bankBin: '970405', accountNumber: '123456789', holderName: 'DANG BO CONG TY' });
    const { data } = await subgraph.call(READINESS, { id: tree.ward.id }, as('SECRETARY', tree.ward));
    // The ward, the enterprise and the village cell; not the subordinate cells, nor the military committee kept out.
    expect(data!.organization).toMatchObject({ accountEligible: true, bankAccountCoverage: { eligible: 3, covered: 1 } });
    const workshop = await subgraph.call(READINESS, { id: tree.workshop.id }, member());
    expect(workshop.data!.organization).toMatchObject({ accountEligible: false, bankAccountCoverage: { eligible: 0, covered: 0 } });
  });

  it('counts the organizations whose kind was reviewed: reclassified, or confirmed by an officer above', async () => {
    const CLASSIFICATION = `query ($id: ID!) { organization(id: $id) { classifiedOn typeClassification { eligible covered } } }`;
    const CONFIRM = `mutation ($input: ConfirmOrganizationTypeInput!) { confirmOrganizationType(input: $input) {
      organization { classifiedOn } userErrors { code } } }`;
    // The ward, the enterprise, its workshop, the village cell and the school (reclassified above); not the military committee kept out.
    const before = await subgraph.call(CLASSIFICATION, { id: tree.ward.id }, member());
    expect(before.data!.organization).toEqual({ classifiedOn: null, typeClassification: { eligible: 5, covered: 1 } });
    for (const caller of [as('SECRETARY', tree.village), as('SECRETARY', tree.otherWard), as('DEPUTY_SECRETARY', tree.ward), member()]) {
      const { errors } = await subgraph.call(CONFIRM, { input: { id: tree.village.id } }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect((await typeOf(tree.village)).classifiedOn).toBeNull();
    const { data } = await subgraph.call(CONFIRM, { input: { id: tree.village.id } }, as('SECRETARY', tree.ward));
    expect(data!.confirmOrganizationType).toEqual({ organization: { classifiedOn: today }, userErrors: [] });
    const after = await subgraph.call(CLASSIFICATION, { id: tree.ward.id }, member());
    expect(after.data!.organization.typeClassification).toEqual({ eligible: 5, covered: 2 });
    const [entry] = await auditOf('organization.typeConfirmed');
    expect(entry).toMatchObject({ entityId: tree.village.id, before: expect.objectContaining({ classifiedOn: null }), after: expect.objectContaining({ classifiedOn: today }) });
    // Confirmed again the same day: nothing new to record.
    await subgraph.call(CONFIRM, { input: { id: tree.village.id } }, as('ADMIN', tree.province));
    expect(await auditOf('organization.typeConfirmed')).toHaveLength(1);
    // An organization an officer creates has its kind chosen by them; a dissolved one is not confirmed.
    const created = await subgraph.call(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id classifiedOn } userErrors { code } } }`,
      { input: { parentId: tree.ward.id, code: 'NB.1.9', name: 'Chi bộ thôn Bắc', type: 'GRASSROOTS_CELL' } },
      as('SECRETARY', tree.ward),
    );
    expect(created.data!.createOrganization).toMatchObject({ organization: { classifiedOn: today }, userErrors: [] });
    const newCell = created.data!.createOrganization.organization.id as string;
    await subgraph.call('mutation ($input: DissolveOrganizationInput!) { dissolveOrganization(input: $input) { userErrors { code } } }', { input: { id: newCell } }, as('SECRETARY', tree.ward));
    const dissolved = await subgraph.call(CONFIRM, { input: { id: newCell } }, as('SECRETARY', tree.ward));
    expect(dissolved.data!.confirmOrganizationType).toEqual({ organization: null, userErrors: [{ code: 'ALREADY_DISSOLVED' }] });
  });

  it('warns of the Statute’s sizes without refusing anything', async () => {
    const village = await subgraph.call(READINESS, { id: tree.village.id }, member());
    expect(village.data!.organization.sizeWarnings.map((w: { code: string }) => w.code)).toEqual(['CELL_BIG_ENOUGH_FOR_COMMITTEE', 'CELL_OVER_FIFTY']);
    const school = await subgraph.call(READINESS, { id: tree.school.id }, member());
    expect(school.data!.organization.sizeWarnings.map((w: { code: string }) => w.code)).toEqual(['TOO_FEW_MEMBERS']);
    const enterprise = await subgraph.call(READINESS, { id: tree.enterprise.id }, member());
    expect(enterprise.data!.organization.sizeWarnings).toEqual([
      expect.objectContaining({ code: 'COMMITTEE_UNDER_THIRTY', message: expect.stringContaining('14 đảng viên') }),
    ]);
  });

  it('refuses a dues account for a subordinate cell with NOT_ELIGIBLE', async () => {
    const { data } = await subgraph.call(
      `mutation ($input: SetBankAccountInput!) { setBankAccount(input: $input) { bankAccount { accountNumber } userErrors { code } } }`,
      { input: { organizationId: tree.workshop.id, bankBin: '970405', accountNumber: '123456789', holderName: 'Chi bo' } },
      as('SECRETARY', tree.enterprise),
    );
    expect(data!.setBankAccount).toEqual({ bankAccount: null, userErrors: [{ code: 'NOT_ELIGIBLE' }] });
  });
});

describe('setAdministrativeUnit (docs/rules/organization-tree.md#administrative-unit)', () => {
  const SET_UNIT = `mutation ($input: SetAdministrativeUnitInput!) { setAdministrativeUnit(input: $input) {
    organization { id administrativeUnitCode } userErrors { code field message } } }`;
  const set = (org: Node, administrativeUnitCode: string | null, role: Role = 'ADMIN', over: Node = tree.province) =>
    subgraph.call(SET_UNIT, { input: { id: org.id, administrativeUnitCode } }, as(role, over));

  it('ties a ward committee to its unit, audited and published to the register', async () => {
    const { data } = await set(tree.ward, '14329', 'SECRETARY');
    expect(data!.setAdministrativeUnit).toEqual({ organization: { id: tree.ward.id, administrativeUnitCode: '14329' }, userErrors: [] });
    expect(await auditOf('organization.administrativeUnitSet')).toHaveLength(1);
    const typed = (await subgraph.db.db.select().from(tables.outboxEvents)).filter((e) => e.topic === 'organization.typed' && e.aggregateId === tree.ward.id);
    expect(typed.at(-1)!.payload).toMatchObject({ orgId: tree.ward.id, type: 'PROVINCE_SUBORDINATE', administrativeUnitCode: '14329' });
  });

  it('refuses a unit another committee serves, a malformed code and an organization that is no commune committee, changing nothing', async () => {
    expect((await set(tree.otherWard, '14329')).data!.setAdministrativeUnit.userErrors).toEqual([
      { code: 'UNIT_TAKEN', field: 'administrativeUnitCode', message: 'Đơn vị hành chính 14329 đã gắn với Đảng bộ phường Hoa Lư.' },
    ]);
    expect((await set(tree.otherWard, '1436')).data!.setAdministrativeUnit.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_COMMUNE_CODE']);
    expect((await set(tree.village, '14362')).data!.setAdministrativeUnit.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_A_COMMUNE_COMMITTEE']);
    expect((await typeOf(tree.otherWard)).administrativeUnitCode).toBeNull();
    expect((await typeOf(tree.village)).administrativeUnitCode).toBeNull();
  });

  it('is decided from above: the ward committee itself, a cell below it and the other ward are refused', async () => {
    const refused = [await set(tree.otherWard, '14362', 'SECRETARY', tree.otherWard), await set(tree.ward, null, 'SECRETARY', tree.village), await set(tree.ward, null, 'SECRETARY', tree.otherWard), await set(tree.ward, null, 'FINANCE_MEMBER', tree.province)];
    expect(refused.map((r) => r.errors?.map((e) => e.extensions?.code))).toEqual([['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN'], ['FORBIDDEN']]);
    const member = await subgraph.call(SET_UNIT, { input: { id: tree.ward.id, administrativeUnitCode: null } }, personWith('00000000-0000-4000-8000-0000000000c3'));
    expect(member.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await typeOf(tree.ward)).administrativeUnitCode).toBe('14329');
  });

  it('gives one unit to one committee when two ask for it at once', async () => {
    const results = await Promise.all([set(tree.otherWard, '14362'), ...Array.from({ length: 5 }, () => set(tree.ward, '14362'))]);
    const held = (await subgraph.db.db.select().from(tables.organizations)).filter((o) => o.administrativeUnitCode === '14362');
    expect(held).toHaveLength(1);
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.filter((r) => r.data!.setAdministrativeUnit.userErrors.length === 0).length).toBeGreaterThanOrEqual(1);
  });
});

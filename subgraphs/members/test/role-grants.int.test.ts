import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { ward: Node; cell: Node; official: { id: string }; probationary: { id: string } };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.ward = await buildOrganization(db, { name: 'Đảng bộ phường Hoa Lư' });
  t.cell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Đông' });
  t.official = await buildMember(db, t.cell, { fullName: 'Trần Văn Bình', joinedOn: '2010-03-26', officialOn: '2011-03-26', membershipKind: 'OFFICIAL' });
  t.probationary = await buildMember(db, t.cell, { fullName: 'Lê Văn Tâm', joinedOn: '2026-05-19', officialOn: null, membershipKind: 'PROBATIONARY', cardNumber: null });
});
afterAll(() => subgraph?.stop());

const admin = () => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.ward.path);
const GRANT = 'mutation ($input: GrantRoleInput!) { grantRole(input: $input) { grant { role startsOn } userErrors { code field message } } }';
const grant = (memberId: string, changes: Record<string, unknown>) =>
  subgraph.call(GRANT, { input: { memberId, role: 'DEPUTY_SECRETARY', organizationId: t.cell.id, ...changes } }, admin());
const grantsOf = async (memberId: string) => subgraph.db.db.select().from(tables.roleGrants).where(eq(tables.roleGrants.memberId, memberId));

describe('giving a role', () => {
  it('refuses, with a reason in Vietnamese and nothing written, an empty start day, one before joining, and a probationary holder', async () => {
    const cases = [
      [t.official.id, {}, 'START_DATE_REQUIRED'],
      [t.official.id, { startsOn: '1990-01-01' }, 'START_BEFORE_JOINING'],
      [t.probationary.id, { startsOn: '2026-11-01' }, 'PROBATIONARY_MEMBER'],
    ] as const;
    for (const [memberId, changes, code] of cases) {
      const { data } = await grant(memberId, changes);
      expect(data!.grantRole.grant).toBeNull();
      expect(data!.grantRole.userErrors).toEqual([expect.objectContaining({ code, message: expect.any(String) })]);
      expect(await grantsOf(memberId)).toEqual([]);
    }
  });

  it('gives it once, and refuses an identical second grant', async () => {
    expect((await grant(t.official.id, { startsOn: '2026-01-01' })).data!.grantRole.grant).toEqual({ role: 'DEPUTY_SECRETARY', startsOn: '2026-01-01' });
    const again = await grant(t.official.id, { startsOn: '2026-01-01' });
    expect(again.data!.grantRole.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_GRANT', field: 'role' })]);
    expect(await grantsOf(t.official.id)).toHaveLength(1);
  });
});

describe("the committee's own roles: processing officer and support team (docs/rules/roles.md#who-grants-roles)", () => {
  const s = {} as { cellSecretary: { id: string }; plain: { id: string }; wardDeputy: { id: string }; cellDeputy: { id: string }; otherCell: Node; stranger: { id: string } };
  const give = (memberId: string, role: string, organization: Node, as: ReturnType<typeof admin>) =>
    subgraph.call(GRANT, { input: { memberId, role, organizationId: organization.id, startsOn: '2026-11-01' } }, as);
  const asCellSecretary = () => personWith(s.cellSecretary.id, 'SECRETARY', t.cell.path);
  const codeOf = (answer: Awaited<ReturnType<typeof give>>) => answer.errors?.map((e) => e.extensions?.code) ?? answer.data!.grantRole.userErrors.map((e: { code: string }) => e.code);

  beforeAll(async () => {
    const { db } = subgraph.db;
    const official = { joinedOn: '2010-03-26', officialOn: '2011-03-26', membershipKind: 'OFFICIAL' as const };
    s.otherCell = await buildOrganization(db, { parent: t.ward, name: 'Chi bộ tổ dân phố Tây' });
    s.cellSecretary = await buildMember(db, t.cell, { fullName: 'Đặng Thị Thu', ...official });
    s.plain = await buildMember(db, t.cell, { fullName: 'Phan Văn Út', ...official });
    s.wardDeputy = await buildMember(db, t.cell, { fullName: 'Hà Thị Vân', ...official });
    s.cellDeputy = await buildMember(db, t.cell, { fullName: 'Kiều Văn Xuân', ...official });
    s.stranger = await buildMember(db, s.otherCell, { fullName: 'Lò Văn Yên', ...official });
    await db.insert(tables.roleGrants).values([
      { memberId: s.wardDeputy.id, role: 'DEPUTY_SECRETARY', orgId: t.ward.id, orgPath: t.ward.path, startsOn: '2025-01-01' },
      { memberId: s.cellDeputy.id, role: 'DEPUTY_SECRETARY', orgId: t.cell.id, orgPath: t.cell.path, startsOn: '2025-01-01' },
    ]);
  });

  it('lets the cell secretary give a member of the cell the support-team role, even a probationary one, and end it', async () => {
    expect((await give(s.plain.id, 'SUPPORT_TEAM', t.cell, asCellSecretary())).data!.grantRole).toEqual({ grant: { role: 'SUPPORT_TEAM', startsOn: '2026-11-01' }, userErrors: [] });
    expect((await give(t.probationary.id, 'SUPPORT_TEAM', t.cell, asCellSecretary())).data!.grantRole.userErrors).toEqual([]);
    const [held] = (await grantsOf(s.plain.id)).filter((g) => g.role === 'SUPPORT_TEAM');
    const END = 'mutation ($input: EndRoleInput!) { endRole(input: $input) { grant { endsOn } userErrors { code } } }';
    expect((await subgraph.call(END, { input: { grantId: held!.id, endsOn: '2026-12-01' } }, asCellSecretary())).data!.endRole).toEqual({ grant: { endsOn: '2026-12-01' }, userErrors: [] });
  });

  it('lets an administrator give the processing officer role on the ward', async () => {
    expect((await give(s.plain.id, 'PROCESSING_OFFICER', t.ward, admin())).data!.grantRole.userErrors).toEqual([]);
  });

  it('refuses the secretary a Party office, a role above their own organization, themself, a member elsewhere, and an officer of their own rank or above', async () => {
    expect(codeOf(await give(s.plain.id, 'DEPUTY_SECRETARY', t.cell, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect(codeOf(await give(s.plain.id, 'PROCESSING_OFFICER', t.ward, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect(codeOf(await give(s.cellSecretary.id, 'SUPPORT_TEAM', t.cell, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect(codeOf(await give(s.stranger.id, 'SUPPORT_TEAM', s.otherCell, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect(codeOf(await give(s.wardDeputy.id, 'SUPPORT_TEAM', t.cell, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect(codeOf(await give(s.cellDeputy.id, 'SUPPORT_TEAM', t.cell, asCellSecretary()))).toEqual(['FORBIDDEN']);
    expect((await grantsOf(s.wardDeputy.id)).map((g) => g.role)).toEqual(['DEPUTY_SECRETARY']);
    // The ward's secretary is above the cell's deputy: they may.
    expect(codeOf(await give(s.cellDeputy.id, 'SUPPORT_TEAM', t.cell, personWith(s.wardDeputy.id, 'SECRETARY', t.ward.path)))).toEqual([]);
  });

  it('offers each viewer only the roles they may give the member', async () => {
    const ROLES = 'query ($id: ID!) { member(id: $id) { grantableRoles grantableOrganizations { id } } }';
    const fresh = await buildMember(subgraph.db.db, t.cell, { fullName: 'Mạc Văn Ân', joinedOn: '2012-01-01', officialOn: '2013-01-01', membershipKind: 'OFFICIAL' });
    const bySecretary = await subgraph.call(ROLES, { id: fresh.id }, asCellSecretary());
    expect(bySecretary.data!.member).toEqual({ grantableRoles: ['PROCESSING_OFFICER', 'SUPPORT_TEAM'], grantableOrganizations: [{ id: t.cell.id }] });
    // A member who now holds a role on the ward (given above) is beyond the cell secretary, as is the ward's deputy.
    expect((await subgraph.call(ROLES, { id: s.plain.id }, asCellSecretary())).data!.member).toEqual({ grantableRoles: [], grantableOrganizations: [] });
    expect((await subgraph.call(ROLES, { id: s.wardDeputy.id }, asCellSecretary())).data!.member).toEqual({ grantableRoles: [], grantableOrganizations: [] });
    expect((await subgraph.call(ROLES, { id: fresh.id }, admin())).data!.member.grantableRoles).toHaveLength(7);
  });
});

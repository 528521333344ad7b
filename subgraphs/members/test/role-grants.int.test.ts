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

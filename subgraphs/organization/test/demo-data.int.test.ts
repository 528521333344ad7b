import { tables } from '@dangvu/drizzle';
import { demoDatabaseForFile } from '@dangvu/drizzle/testing/demo-database';
import { describe, expect, it } from 'vitest';
import { bankAccountErrors, isAccountEligible } from '../src/bank-account/bank-account.rules.ts';
import { codeError, nameError, placementError } from '../src/organization/organization.rules.ts';

/**
 * The demo tree passes the organization subgraph's own rules (docs/decisions/0004-demo-data.md): every code and
 * name as createOrganization checks them, every organization placed as its kind may be, every seeded dues account
 * valid and held by an eligible organization, with a few left without one for the readiness figures to show.
 */
const demo = demoDatabaseForFile(1_500);

describe('the demo tree', () => {
  it('has every organization with a valid code and name, placed where its kind may stand', async () => {
    const organizations = await demo.handle().db.select().from(tables.organizations);
    const byId = new Map(organizations.map((o) => [o.id, o]));
    const refused = organizations.flatMap((o) => {
      const parent = o.parentId ? byId.get(o.parentId) : null;
      return [codeError(o.code), nameError(o.name), parent ? placementError(o.type, parent) : null].filter((e) => e !== null).map((e) => `${o.code} ${o.name}: ${e.code}`);
    });
    expect(refused).toEqual([]);
  });

  it('holds what a province has besides its communes: a partial committee, and the four blocs under the provincial committee', async () => {
    const organizations = await demo.handle().db.select().from(tables.organizations);
    const root = organizations.find((o) => o.parentId === null)!;
    expect(organizations.filter((o) => o.type === 'PARTIAL_COMMITTEE').map((o) => o.name)).toEqual(['Đảng bộ bộ phận Khối sản xuất']);
    const blocs = organizations.filter((o) => o.parentId === root.id && o.name.endsWith('tỉnh'));
    expect(blocs.map((o) => [o.name, o.type, o.inRolloutScope])).toEqual([
      ['Đảng bộ các cơ quan Đảng tỉnh', 'PROVINCE_SUBORDINATE', true],
      ['Đảng bộ Ủy ban nhân dân tỉnh', 'PROVINCE_SUBORDINATE', true],
      ['Đảng bộ Quân sự tỉnh', 'PROVINCE_SUBORDINATE', false],
      ['Đảng bộ Công an tỉnh', 'PROVINCE_SUBORDINATE', false],
    ]);
    // Kept out with their bloc, the military and police cells hold no dues account for the readiness figures.
    const accounts = new Set((await demo.handle().db.select().from(tables.bankAccounts)).map((a) => a.orgId));
    const outside = organizations.filter((o) => blocs.some((b) => !b.inRolloutScope && o.path.startsWith(b.path)));
    expect(outside.filter((o) => accounts.has(o.id)).map((o) => o.name)).toEqual([]);
  });

  it('gives most eligible organizations a valid dues account, and leaves a few without', async () => {
    const organizations = await demo.handle().db.select().from(tables.organizations);
    const accounts = await demo.handle().db.select().from(tables.bankAccounts);
    const eligible = organizations.filter((o) => isAccountEligible(o.type));
    const held = new Set(accounts.map((a) => a.orgId));
    expect(accounts.flatMap((a) => bankAccountErrors(a).map((e) => `${a.holderName}: ${e.code}`))).toEqual([]);
    expect(accounts.filter((a) => !isAccountEligible(organizations.find((o) => o.id === a.orgId)!.type))).toEqual([]);
    const without = eligible.filter((o) => !held.has(o.id));
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(eligible.length / 4);
  });
});

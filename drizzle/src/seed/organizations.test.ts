import { describe, expect, it } from 'vitest';
import { PROVINCE_COMMUNE_COUNT } from './geography.ts';
import { planOrganizations } from './organizations.ts';
import { Random } from './random.ts';

const members = 300_000;
const tree = planOrganizations(new Random(2026), members, 'province');
const communes = tree.filter((org) => org.type === 'PROVINCE_SUBORDINATE' && org.unit === 'committee');
const villageCells = tree.filter((org) => org.unit === 'village');
const membersUnder = (org: { path: string }) => tree.filter((o) => o.path.startsWith(org.path)).reduce((sum, o) => sum + o.size, 0);

describe('the province-sized tree', () => {
  it("has every one of the province's 97 communes and 32 wards, each named once", () => {
    expect(communes.filter((org) => org.commune!.kind === 'Xã')).toHaveLength(PROVINCE_COMMUNE_COUNT.commune);
    expect(communes.filter((org) => org.commune!.kind === 'Phường')).toHaveLength(PROVINCE_COMMUNE_COUNT.ward);
    expect(new Set(communes.map((org) => org.name)).size).toBe(communes.length);
  });

  it('places exactly the members asked for, in communes of uneven size', () => {
    expect(tree.reduce((sum, org) => sum + org.size, 0)).toBe(members);
    const sizes = communes.map(membersUnder);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(3);
  });

  it('has village cells of varied size around thirty, the first of them the demo cell of fifty', () => {
    const sizes = villageCells.map((cell) => cell.size);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(60);
    expect(new Set(sizes).size).toBeGreaterThan(20);
    expect(villageCells[0]!.size).toBe(50);
  });

  it('gives every organization its own code and a path under its parent', () => {
    expect(new Set(tree.map((org) => org.code)).size).toBe(tree.length);
    const byId = new Map(tree.map((org) => [org.id, org]));
    for (const org of tree) if (org.parentId) expect(org.path.startsWith(byId.get(org.parentId)!.path)).toBe(true);
  });
});

describe('the demo tree', () => {
  it('keeps a few communes of even size', () => {
    const demo = planOrganizations(new Random(2026), 3_000);
    const demoCommunes = demo.filter((org) => org.type === 'PROVINCE_SUBORDINATE' && org.unit === 'committee');
    expect(demoCommunes).toHaveLength(6);
    // The last commune gives up the province blocs' six cells of thirty members each.
    expect(demoCommunes.map((commune) => demo.filter((o) => o.path.startsWith(commune.path)).reduce((s, o) => s + o.size, 0))).toEqual([500, 500, 500, 500, 500, 320]);
  });

  it('has what a province has besides communes: a partial committee and the four blocs, the military and police ones out of the roll-out', () => {
    const demo = planOrganizations(new Random(2026), 3_000);
    const partial = demo.filter((org) => org.type === 'PARTIAL_COMMITTEE');
    expect(partial.map((org) => org.name)).toEqual(['Đảng bộ bộ phận Khối sản xuất']);
    expect(demo.filter((org) => org.parentId === partial[0]!.id).map((org) => org.type)).toEqual(['SUBORDINATE_CELL', 'SUBORDINATE_CELL']);
    const blocs = demo.filter((org) => org.unit === 'bloc');
    expect(blocs.map((org) => [org.name, org.type, org.parentId, org.inRolloutScope])).toEqual([
      ['Đảng bộ các cơ quan Đảng tỉnh', 'PROVINCE_SUBORDINATE', demo[0]!.id, true],
      ['Đảng bộ Ủy ban nhân dân tỉnh', 'PROVINCE_SUBORDINATE', demo[0]!.id, true],
      ['Đảng bộ Quân sự tỉnh', 'PROVINCE_SUBORDINATE', demo[0]!.id, false],
      ['Đảng bộ Công an tỉnh', 'PROVINCE_SUBORDINATE', demo[0]!.id, false],
    ]);
    expect(blocs.every((bloc) => demo.some((org) => org.parentId === bloc.id && org.type === 'GRASSROOTS_CELL' && org.size >= 6))).toBe(true);
  });
});

import { COMMUNES, PROVINCE, provinceCommunes, type Commune } from './geography.ts';
import { Random } from './random.ts';
import { VILLAGES } from './vietnamese.ts';

type OrgType = 'PROVINCIAL' | 'PROVINCE_SUBORDINATE' | 'GRASSROOTS_COMMITTEE' | 'GRASSROOTS_CELL' | 'PARTIAL_COMMITTEE' | 'SUBORDINATE_CELL';

export interface SeedOrganization {
  id: string;
  code: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  path: string;
  inRolloutScope: boolean;
  commune: Commune | null;
  /** How many members to place here; zero for committees, whose members sit in their cells. */
  size: number;
  /**
   * What kind of unit: decides workplaces and dues categories of its members. A `committee` is a commune's, a
   * `bloc` one of the province's blocs (both kinds PROVINCE_SUBORDINATE), `enterprise` also the partial committee.
   */
  unit: 'village' | 'school' | 'agency' | 'enterprise' | 'military' | 'police' | 'committee' | 'bloc';
  /** A village cell's village (thôn) or residential group (tổ dân phố), as written in an address. */
  village: string | null;
}

const AVERAGE_VILLAGE_CELL = 30;

/**
 * `demo`: a few communes of even size, even cells. `province`: the whole province, every one of its communes
 * and wards, sized unevenly as a city ward and a mountain commune are, with village cells of about 10 to 50
 * members and a demo cell of fifty (the secretary's list in docs/benchmarks.md).
 */
export type SeedScale = 'demo' | 'province';

const PROVINCE_DEMO_CELL = 50;

/** `total` split into `parts` that add up to it: evenly, or in proportion to weights drawn from [min, max]. */
function split(total: number, parts: number, weights?: { random: Random; min: number; max: number }): number[] {
  if (!weights) return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
  const drawn = Array.from({ length: parts }, () => weights.min + weights.random.next() * (weights.max - weights.min));
  const sum = drawn.reduce((a, b) => a + b, 0);
  const sizes = drawn.map((weight) => Math.floor((total * weight) / sum));
  for (let i = 0, left = total - sizes.reduce((a, b) => a + b, 0); left > 0; i++, left--) sizes[i % parts]!++;
  return sizes;
}

/**
 * The province's blocs directly under its committee, each a PROVINCE_SUBORDINATE committee over grassroots
 * organizations of its own (docs/rules/organization-tree.md#placement): the party agencies, the People's
 * Committee's departments, the military and the police, the last two kept out of the roll-out with their cells.
 */
const BLOCS = [
  { name: 'Đảng bộ các cơ quan Đảng tỉnh', unit: 'agency', cells: ['Chi bộ Văn phòng Tỉnh ủy', 'Chi bộ Ban Tổ chức Tỉnh ủy'] },
  { name: 'Đảng bộ Ủy ban nhân dân tỉnh', unit: 'agency', cells: ['Chi bộ Sở Tài chính', 'Chi bộ Sở Giáo dục và Đào tạo'] },
  { name: 'Đảng bộ Quân sự tỉnh', unit: 'military', cells: ['Chi bộ Cơ quan Bộ Chỉ huy Quân sự tỉnh'] },
  { name: 'Đảng bộ Công an tỉnh', unit: 'police', cells: ['Chi bộ Phòng Cảnh sát giao thông'] },
] as const;

/** Members of each bloc cell: a few dozen at most, at least enough for its and the bloc's officers. */
const blocCellSize = (members: number) => Math.min(40, Math.max(6, Math.round(members * 0.01)));

/**
 * Province → communes/wards → cells of every kind: village, school, agency, an enterprise grassroots
 * committee with subordinate cells (in the first commune through a partial committee), and in the first
 * commune a military and a police cell kept out of the roll-out; and the province's blocs, whose members live
 * in the provincial capital (the first commune). Sizes add up to `members`.
 */
export function planOrganizations(random: Random, members: number, scale: SeedScale = 'demo'): SeedOrganization[] {
  const province = scale === 'province';
  const root = node(random, null, { code: PROVINCE.code, name: `Đảng bộ tỉnh ${PROVINCE.name}`, type: 'PROVINCIAL', unit: 'committee' });
  const out: SeedOrganization[] = [root];
  const communes = province ? provinceCommunes() : COMMUNES.slice(0, Math.min(COMMUNES.length, Math.max(2, Math.ceil(members / 500))));
  const shares = split(members, communes.length, province ? { random, min: 0.4, max: 1.8 } : undefined);
  // The blocs' members come out of the last commune's village cells (as many cells, smaller), and their
  // organizations' ids (and the partial committee's) from a stream of their own: the tree draws as many numbers
  // as before, so the first commune's members, whom the walkthroughs know by roster, stay who they were.
  const apart = new Random(PROVINCE.unitCode.charCodeAt(0) * 1_000 + members);
  const inBlocs = BLOCS.reduce((sum, bloc) => sum + bloc.cells.length, 0) * blocCellSize(members);
  for (const [c, commune] of communes.entries()) {
    const share = shares[c]!;
    const place = `${commune.kind.toLowerCase()} ${commune.name}`;
    const committee = node(random, root, {
      code: `${root.code}.${c + 1}`,
      name: `Đảng bộ ${place}`,
      type: 'PROVINCE_SUBORDINATE',
      unit: 'committee',
      commune,
    });
    out.push(committee);
    const cells: SeedOrganization[] = [];
    const add = (name: string, type: OrgType, unit: SeedOrganization['unit'], size: number, parent = committee, village?: string, ids = random) => {
      const code = `${parent.code}.${parent === committee ? cells.length + 1 : 'C' + (cells.length + 1)}`;
      const org = node(ids, parent, { code, name, type, unit, commune, size, village });
      cells.push(org);
      return org;
    };
    const fixed = Math.min(share, 150);
    add(`Chi bộ Trường THCS ${commune.name}`, 'GRASSROOTS_CELL', 'school', Math.round(fixed * 0.12));
    add(`Chi bộ Cơ quan Ủy ban nhân dân ${place}`, 'GRASSROOTS_CELL', 'agency', Math.round(fixed * 0.16));
    const enterprise = add(`Đảng bộ Công ty Cổ phần Dệt may ${commune.name}`, 'GRASSROOTS_COMMITTEE', 'committee', 0);
    // The first commune's enterprise groups its workshops' cells under a partial committee (đảng bộ bộ phận).
    const workshops = c === 0 ? add('Đảng bộ bộ phận Khối sản xuất', 'PARTIAL_COMMITTEE', 'enterprise', 0, enterprise, undefined, apart) : enterprise;
    add('Chi bộ Phân xưởng Dệt', 'SUBORDINATE_CELL', 'enterprise', Math.round(fixed * 0.1), workshops);
    add('Chi bộ Phân xưởng May', 'SUBORDINATE_CELL', 'enterprise', Math.round(fixed * 0.1), workshops);
    if (c === 0) {
      add(`Chi bộ Quân sự ${place}`, 'GRASSROOTS_CELL', 'military', Math.round(fixed * 0.05)).inRolloutScope = false;
      add(`Chi bộ Công an ${place}`, 'GRASSROOTS_CELL', 'police', Math.round(fixed * 0.05)).inRolloutScope = false;
    }
    const placed = cells.reduce((sum, cell) => sum + cell.size, 0);
    const villages = Math.max(1, Math.round(Math.max(0, share - placed) / AVERAGE_VILLAGE_CELL));
    const remaining = Math.max(0, share - placed - (c === communes.length - 1 ? inBlocs : 0));
    const unitWord = commune.kind === 'Phường' ? 'tổ dân phố' : 'thôn';
    const demoCell = province && c === 0 && villages > 1 ? Math.min(PROVINCE_DEMO_CELL, remaining) : 0;
    const sizes = demoCell
      ? [demoCell, ...split(remaining - demoCell, villages - 1, { random, min: 0.4, max: 1.7 })]
      : split(remaining, villages, province ? { random, min: 0.4, max: 1.7 } : undefined);
    for (const [v, size] of sizes.entries()) {
      const base = VILLAGES[v % VILLAGES.length]!;
      const round = Math.floor(v / VILLAGES.length);
      const village = `${base}${round ? ` ${round + 1}` : ''}`;
      add(`Chi bộ ${unitWord} ${village}`, 'GRASSROOTS_CELL', 'village', size, committee, village);
    }
    // The demo cell is the first village cell: keep it first among the cells.
    const firstVillage = cells.findIndex((cell) => cell.unit === 'village');
    out.push(cells[firstVillage]!, ...cells.filter((_, i) => i !== firstVillage));
  }
  const capital = out[1]!.commune!;
  for (const [b, bloc] of BLOCS.entries()) {
    const committee = node(apart, root, { code: `${root.code}.K${b + 1}`, name: bloc.name, type: 'PROVINCE_SUBORDINATE', unit: 'bloc', commune: capital });
    committee.inRolloutScope = bloc.unit !== 'military' && bloc.unit !== 'police';
    out.push(committee);
    for (const [i, name] of bloc.cells.entries()) {
      out.push(node(apart, committee, { code: `${committee.code}.${i + 1}`, name, type: 'GRASSROOTS_CELL', unit: bloc.unit, size: blocCellSize(members) }));
    }
  }
  return out;
}

function node(
  random: Random,
  parent: SeedOrganization | null,
  fields: Pick<SeedOrganization, 'code' | 'name' | 'type' | 'unit'> & { commune?: Commune; size?: number; village?: string },
): SeedOrganization {
  const id = random.uuid();
  return {
    id,
    code: fields.code,
    name: fields.name,
    type: fields.type,
    unit: fields.unit,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    inRolloutScope: true,
    commune: fields.commune ?? parent?.commune ?? null,
    size: fields.size ?? 0,
    village: fields.village ?? null,
  };
}

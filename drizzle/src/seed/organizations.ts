import { COMMUNES, PROVINCE, type Commune } from './geography.ts';
import type { Random } from './random.ts';
import { VILLAGES } from './vietnamese.ts';

type OrgType = 'PROVINCIAL' | 'PROVINCE_SUBORDINATE' | 'GRASSROOTS_COMMITTEE' | 'GRASSROOTS_CELL' | 'SUBORDINATE_CELL';

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
  /** What kind of unit: decides workplaces and dues categories of its members. */
  unit: 'village' | 'school' | 'agency' | 'enterprise' | 'military' | 'police' | 'committee';
  /** A village cell's village (thôn) or residential group (tổ dân phố), as written in an address. */
  village: string | null;
}

const AVERAGE_VILLAGE_CELL = 30;

/**
 * Province → communes/wards → cells of every kind: village, school, agency, an enterprise grassroots
 * committee with subordinate cells, and in the first commune a military and a police cell kept out of
 * the roll-out. Sizes add up to `members`.
 */
export function planOrganizations(random: Random, members: number): SeedOrganization[] {
  const root = node(random, null, { code: PROVINCE.code, name: `Đảng bộ tỉnh ${PROVINCE.name}`, type: 'PROVINCIAL', unit: 'committee' });
  const out: SeedOrganization[] = [root];
  const communeCount = Math.min(COMMUNES.length, Math.max(2, Math.ceil(members / 500)));
  for (let c = 0; c < communeCount; c++) {
    const commune = COMMUNES[c]!;
    const share = Math.floor(members / communeCount) + (c < members % communeCount ? 1 : 0);
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
    const add = (name: string, type: OrgType, unit: SeedOrganization['unit'], size: number, parent = committee, village?: string) => {
      const code = `${parent.code}.${parent === committee ? cells.length + 1 : 'c' + (cells.length + 1)}`;
      const org = node(random, parent, { code, name, type, unit, commune, size, village });
      cells.push(org);
      return org;
    };
    const fixed = Math.min(share, 150);
    add(`Chi bộ Trường THCS ${commune.name}`, 'GRASSROOTS_CELL', 'school', Math.round(fixed * 0.12));
    add(`Chi bộ Cơ quan Ủy ban nhân dân ${place}`, 'GRASSROOTS_CELL', 'agency', Math.round(fixed * 0.16));
    const enterprise = add(`Đảng bộ Công ty Cổ phần Dệt may ${commune.name}`, 'GRASSROOTS_COMMITTEE', 'committee', 0);
    add('Chi bộ Phân xưởng Dệt', 'SUBORDINATE_CELL', 'enterprise', Math.round(fixed * 0.1), enterprise);
    add('Chi bộ Phân xưởng May', 'SUBORDINATE_CELL', 'enterprise', Math.round(fixed * 0.1), enterprise);
    if (c === 0) {
      add(`Chi bộ Quân sự ${place}`, 'GRASSROOTS_CELL', 'military', Math.round(fixed * 0.05)).inRolloutScope = false;
      add(`Chi bộ Công an ${place}`, 'GRASSROOTS_CELL', 'police', Math.round(fixed * 0.05)).inRolloutScope = false;
    }
    const placed = cells.reduce((sum, cell) => sum + cell.size, 0);
    const remaining = Math.max(0, share - placed);
    const villages = Math.max(1, Math.round(remaining / AVERAGE_VILLAGE_CELL));
    const unitWord = commune.kind === 'Phường' ? 'tổ dân phố' : 'thôn';
    for (let v = 0; v < villages; v++) {
      const base = VILLAGES[v % VILLAGES.length]!;
      const round = Math.floor(v / VILLAGES.length);
      const size = Math.floor(remaining / villages) + (v < remaining % villages ? 1 : 0);
      const village = `${base}${round ? ` ${round + 1}` : ''}`;
      add(`Chi bộ ${unitWord} ${village}`, 'GRASSROOTS_CELL', 'village', size, committee, village);
    }
    // The demo cell is the first village cell: keep it first among the cells.
    const firstVillage = cells.findIndex((cell) => cell.unit === 'village');
    out.push(cells[firstVillage]!, ...cells.filter((_, i) => i !== firstVillage));
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

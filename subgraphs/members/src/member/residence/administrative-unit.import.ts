import type { Db } from '@dangvu/drizzle';
import { parseCsv } from '@dangvu/subgraph-kit';
import { administrativeUnitRepository } from './administrative-unit.repository.ts';

/** One unit of the national list as the register keeps it (members.administrative_units), as `npm run import:administrative-units` reads it. */
export interface ListedUnit {
  code: string;
  level: 'PROVINCE' | 'COMMUNE';
  name: string;
  provinceCode: string | null;
}

const tidy = (name: string) => name.replace(/\s+/g, ' ').trim();
/** "Tỉnh Ninh Bình", "TỈNH NINH BÌNH", "Ninh Bình" all name one province. */
const provinceKey = (name: string) => tidy(name).normalize('NFC').toLocaleLowerCase('vi').replace(/^(tỉnh|thành phố) /, '');
const withKind = (name: string) => (/^(Tỉnh|Thành phố) /.test(name) ? name : `Tỉnh ${name}`);

/**
 * The units of the official lists (docs/rules/member-register.md#administrative-units), as the annexes of Quyết định
 * 19/2025/QĐ-TTg are exported: the provinces as `code,name` and the communes as `code,name,province name`, in any
 * order, lines without a code (headings, a province's title line) skipped; commas or semicolons, UTF-8 or UTF-16. A commune names its province by name,
 * so the provinces come first (in the same text or in `known`). Throws on a line it cannot read, naming it.
 */
export function parseAdministrativeUnits(text: string, known: readonly ListedUnit[] = []): ListedUnit[] {
  const units: ListedUnit[] = [];
  const provinces = new Map(known.filter((unit) => unit.level === 'PROVINCE').map((unit) => [provinceKey(unit.name), unit.code]));
  for (const [index, fields] of parseCsv(Buffer.from(text, 'utf8')).entries()) {
    const [rawCode = '', rawName = '', rawProvince = ''] = fields.map(tidy);
    if (rawCode === '' || !/^\d+$/.test(rawCode)) continue;
    const name = tidy(rawName);
    if (rawCode.length === 2) {
      units.push({ code: rawCode, level: 'PROVINCE', name: withKind(name), provinceCode: null });
      provinces.set(provinceKey(name), rawCode);
    } else if (rawCode.length === 5) {
      const provinceCode = provinces.get(provinceKey(rawProvince));
      if (!provinceCode) throw new Error(`dòng ${index + 1}: không rõ tỉnh "${rawProvince}" của mã ${rawCode} / line ${index + 1}: unknown province`);
      units.push({ code: rawCode, level: 'COMMUNE', name, provinceCode });
    } else {
      throw new Error(`dòng ${index + 1}: mã ${rawCode} không phải mã tỉnh (2 số) hay mã xã (5 số) / line ${index + 1}: not a province or commune code`);
    }
  }
  return units;
}

/**
 * Loads `units` as in force from `validFrom` in one transaction: a new code is added; a code in force under another
 * name or province is closed the day before and added anew, so the register's history keeps what a code meant;
 * a code unchanged is left alone. Units absent from `units` are not touched (a partial list adds to the whole).
 */
/** The provinces the list holds on `day`, for communes to name theirs. */
export async function provincesInForce(db: Db, day: string): Promise<ListedUnit[]> {
  const rows = await administrativeUnitRepository(db).provinces(day);
  return rows.map((row) => ({ code: row.code, level: 'PROVINCE', name: row.name, provinceCode: null }));
}

export async function loadAdministrativeUnits(db: Db, units: readonly ListedUnit[], validFrom: string) {
  return db.transaction(async (tx) => {
    const repository = administrativeUnitRepository(tx);
    const current = await repository.inForce(units.map((unit) => unit.code), validFrom);
    let added = 0;
    let changed = 0;
    for (const unit of units) {
      const held = current.get(unit.code);
      if (held && held.name === unit.name && held.provinceCode === unit.provinceCode) continue;
      if (held) {
        await repository.end(unit.code, validFrom);
        changed++;
      } else added++;
      await repository.insert({ ...unit, validFrom });
    }
    return { added, changed, unchanged: units.length - added - changed };
  });
}

import type postgres from 'postgres';

/** One unit of the national list as the register keeps it (members.administrative_units). */
export interface ListedUnit {
  code: string;
  level: 'PROVINCE' | 'COMMUNE';
  name: string;
  provinceCode: string | null;
}

/** The fields of one CSV line: commas split, double quotes group (a quoted field may hold commas and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (quoted) field += char;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += char;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

const tidy = (name: string) => name.replace(/\s+/g, ' ').trim();
/** "Tỉnh Ninh Bình", "TỈNH NINH BÌNH", "Ninh Bình" all name one province. */
const provinceKey = (name: string) => tidy(name).normalize('NFC').toLocaleLowerCase('vi').replace(/^(tỉnh|thành phố) /, '');
const withKind = (name: string) => (/^(Tỉnh|Thành phố) /.test(name) ? name : `Tỉnh ${name}`);

/**
 * The units of the official lists (docs/rules/member-register.md#administrative-units), as the annexes of Quyết định
 * 19/2025/QĐ-TTg are exported: the provinces as `code,name` and the communes as `code,name,province name`, in any
 * order, lines without a code (headings, a province's title line) skipped. A commune names its province by name,
 * so the provinces come first (in the same text or in `known`). Throws on a line it cannot read, naming it.
 */
export function parseAdministrativeUnits(text: string, known: readonly ListedUnit[] = []): ListedUnit[] {
  const units: ListedUnit[] = [];
  const provinces = new Map(known.filter((unit) => unit.level === 'PROVINCE').map((unit) => [provinceKey(unit.name), unit.code]));
  for (const [index, fields] of csvRows(text).entries()) {
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
export async function loadAdministrativeUnits(sql: postgres.Sql, units: readonly ListedUnit[], validFrom: string) {
  return sql.begin(async (tx) => {
    const current = new Map(
      (
        await tx<{ code: string; name: string; province_code: string | null }[]>`
          select code, name, province_code from members.administrative_units
          where valid_from <= ${validFrom} and (valid_to is null or valid_to > ${validFrom})`
      ).map((row) => [row.code, row]),
    );
    let added = 0;
    let changed = 0;
    for (const unit of units) {
      const held = current.get(unit.code);
      if (held && held.name === unit.name && held.province_code === unit.provinceCode) continue;
      if (held) {
        await tx`update members.administrative_units set valid_to = ${validFrom} where code = ${unit.code} and valid_to is null`;
        changed++;
      } else added++;
      await tx`
        insert into members.administrative_units (code, level, name, province_code, valid_from)
        values (${unit.code}, ${unit.level}, ${unit.name}, ${unit.provinceCode}, ${validFrom})`;
    }
    return { added, changed, unchanged: units.length - added - changed };
  });
}

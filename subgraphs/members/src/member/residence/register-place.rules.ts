import type { UserError } from '@dangvu/subgraph-kit';

/** The register's place fields (docs/rules/member-register.md#residence): administrative-unit codes and the managing committee. */
export interface RegisterPlaceFields {
  residenceProvinceCode?: string | null;
  residenceCommuneCode?: string | null;
  managingCommitteeId?: string | null;
}

/**
 * Every problem with the place fields as they would stand: a province code of two digits (01–96), a commune,
 * ward or special-zone code of five, a commune only with its province; a managing committee that is the member's
 * organization or one above it (its path holds the committee).
 */
export function registerPlaceErrors(fields: Required<RegisterPlaceFields>, memberPath: string): UserError[] {
  const errors: UserError[] = [];
  const province = fields.residenceProvinceCode;
  if (province !== null && (!/^\d{2}$/.test(province) || Number(province) < 1 || Number(province) > 96)) {
    errors.push({ code: 'INVALID_PROVINCE_CODE', field: 'residenceProvinceCode', message: 'Mã tỉnh, thành phố gồm 2 chữ số (01–96).' });
  }
  const commune = fields.residenceCommuneCode;
  if (commune !== null && !/^\d{5}$/.test(commune)) {
    errors.push({ code: 'INVALID_COMMUNE_CODE', field: 'residenceCommuneCode', message: 'Mã xã, phường, đặc khu gồm 5 chữ số.' });
  } else if (commune !== null && province === null) {
    errors.push({ code: 'PROVINCE_CODE_REQUIRED', field: 'residenceProvinceCode', message: 'Ghi mã tỉnh, thành phố cùng mã xã, phường.' });
  }
  if (fields.managingCommitteeId !== null && !memberPath.includes(`/${fields.managingCommitteeId}/`)) {
    errors.push({
      code: 'MANAGING_COMMITTEE_NOT_ABOVE',
      field: 'managingCommitteeId',
      message: 'Cấp ủy quản lý phải là tổ chức đảng của đảng viên hoặc một cấp ủy cấp trên của tổ chức đó.',
    });
  }
  return errors;
}

/** A unit of the national list as the check needs it. */
export interface ListedUnit {
  name: string;
  provinceCode: string | null;
}

/**
 * The codes checked against the list of administrative units in force (docs/rules/member-register.md#administrative-units),
 * once their format is right: a province the list holds, and a commune, ward or special zone of that province.
 * `listed` holds the units in force under the record's codes.
 */
export function administrativeUnitErrors(fields: Pick<Required<RegisterPlaceFields>, 'residenceProvinceCode' | 'residenceCommuneCode'>, listed: ReadonlyMap<string, ListedUnit>): UserError[] {
  const { residenceProvinceCode: province, residenceCommuneCode: commune } = fields;
  if (province === null) return [];
  const provinceUnit = listed.get(province);
  if (!provinceUnit || provinceUnit.provinceCode !== null) {
    return [
      {
        code: 'UNKNOWN_PROVINCE_CODE',
        field: 'residenceProvinceCode',
        message: `Mã ${province} không có trong danh mục 34 tỉnh, thành phố hiện hành (từ 01/07/2025).`,
      },
    ];
  }
  if (commune === null) return [];
  const communeUnit = listed.get(commune);
  if (!communeUnit || communeUnit.provinceCode === null) {
    return [
      {
        code: 'UNKNOWN_COMMUNE_CODE',
        field: 'residenceCommuneCode',
        message: `Mã ${commune} không có trong danh mục xã, phường, đặc khu hiện hành của ${provinceUnit.name}. Hãy kiểm tra lại mã theo danh mục đơn vị hành chính.`,
      },
    ];
  }
  if (communeUnit.provinceCode !== province) {
    return [
      {
        code: 'COMMUNE_NOT_IN_PROVINCE',
        field: 'residenceCommuneCode',
        message: `${communeUnit.name} (mã ${commune}) không thuộc ${provinceUnit.name}.`,
      },
    ];
  }
  return [];
}

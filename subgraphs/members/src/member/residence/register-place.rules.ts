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

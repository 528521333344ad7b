import { describe, expect, it } from 'vitest';
import { administrativeUnitErrors, registerPlaceErrors, type RegisterPlaceFields } from './register-place.rules.ts';

const path = '/province/ward/cell/';
const none: Required<RegisterPlaceFields> = { residenceProvinceCode: null, residenceCommuneCode: null, managingCommitteeId: null };
const codes = (fields: RegisterPlaceFields) => registerPlaceErrors({ ...none, ...fields }, path).map((e) => e.code);

describe('the register’s place fields', () => {
  it('take a province and commune code, and a committee on the member’s line', () => {
    expect(codes({ residenceProvinceCode: '37', residenceCommuneCode: '14359', managingCommitteeId: 'ward' })).toEqual([]);
    expect(codes({ managingCommitteeId: 'cell' })).toEqual([]);
    expect(codes({})).toEqual([]);
  });

  it.each([
    [{ residenceProvinceCode: '7' }, 'INVALID_PROVINCE_CODE'],
    [{ residenceProvinceCode: '99' }, 'INVALID_PROVINCE_CODE'],
    [{ residenceProvinceCode: '37', residenceCommuneCode: '1435' }, 'INVALID_COMMUNE_CODE'],
    [{ residenceCommuneCode: '14359' }, 'PROVINCE_CODE_REQUIRED'],
    [{ managingCommitteeId: 'other-ward' }, 'MANAGING_COMMITTEE_NOT_ABOVE'],
  ])('refuses %j with %s', (fields, code) => {
    expect(codes(fields)).toEqual([code]);
  });
});

describe('the residence codes against the list of administrative units', () => {
  const listed = new Map([
    ['37', { name: 'Tỉnh Ninh Bình', provinceCode: null }],
    ['01', { name: 'Thành phố Hà Nội', provinceCode: null }],
    ['14329', { name: 'Phường Hoa Lư', provinceCode: '37' }],
    ['00070', { name: 'Phường Hoàn Kiếm', provinceCode: '01' }],
  ]);
  const errors = (residenceProvinceCode: string | null, residenceCommuneCode: string | null) =>
    administrativeUnitErrors({ residenceProvinceCode, residenceCommuneCode }, listed).map((e) => [e.code, e.field]);

  it('accept a listed province and one of its communes, or a province alone, or nothing', () => {
    expect(errors('37', '14329')).toEqual([]);
    expect(errors('01', null)).toEqual([]);
    expect(errors(null, null)).toEqual([]);
  });

  it.each([
    ['36', null, 'UNKNOWN_PROVINCE_CODE', 'residenceProvinceCode'],
    ['14329', null, 'UNKNOWN_PROVINCE_CODE', 'residenceProvinceCode'],
    ['37', '14330', 'UNKNOWN_COMMUNE_CODE', 'residenceCommuneCode'],
    ['37', '37', 'UNKNOWN_COMMUNE_CODE', 'residenceCommuneCode'],
    ['37', '00070', 'COMMUNE_NOT_IN_PROVINCE', 'residenceCommuneCode'],
  ])('refuses province %s, commune %s with %s', (province, commune, code, field) => {
    expect(errors(province, commune)).toEqual([[code, field]]);
  });

  it('names the unit in Vietnamese', () => {
    const [error] = administrativeUnitErrors({ residenceProvinceCode: '37', residenceCommuneCode: '00070' }, listed);
    expect(error!.message).toBe('Phường Hoàn Kiếm (mã 00070) không thuộc Tỉnh Ninh Bình.');
  });
});

import { describe, expect, it } from 'vitest';
import { registerPlaceErrors, type RegisterPlaceFields } from './register-place.rules.ts';

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

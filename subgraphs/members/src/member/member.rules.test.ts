import { describe, expect, it } from 'vitest';
import { citizenIdErrors, duesCategoryAgeError, memberErrors, type MemberFields } from './member.rules.ts';

const valid: MemberFields = {
  fullName: 'Nguyễn Văn An',
  gender: 'MALE',
  birthDate: '1980-05-17',
  citizenId: '037080123456',
  ethnicity: 'Kinh',
  hometown: 'Xã Gia Viễn, tỉnh Ninh Bình',
  residenceAddress: 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình',
  phone: '0912345678',
  workplace: null,
  position: null,
  joinedOn: '2010-03-26',
  officialOn: '2011-03-26',
  cardNumber: 'NB.12345678',
  dossierNumber: '123456NB',
  rosterNumber: 7,
  membershipKind: 'OFFICIAL',
  duesCategory: 'SOCIAL_INSURANCE_SALARY',
  duesBasis: 8_000_000,
};
const codes = (changes: Partial<MemberFields>) => memberErrors({ ...valid, ...changes }, '2026-11-23').map((e) => `${e.field}:${e.code}`);

describe('citizenIdErrors', () => {
  it.each([
    ['037080123456', 'MALE', '1980-05-17', []],
    ['037180123456', 'FEMALE', '1980-05-17', []],
    ['001205123456', 'MALE', '2005-01-01', []],
    ['001305123456', 'FEMALE', '2005-01-01', []],
    ['03708012345', 'MALE', '1980-05-17', ['INVALID_CITIZEN_ID']],
    ['097080123456', 'MALE', '1980-05-17', ['INVALID_CITIZEN_ID']],
    ['037180123456', 'MALE', '1980-05-17', ['CITIZEN_ID_MISMATCH']],
    ['037081123456', 'MALE', '1980-05-17', ['CITIZEN_ID_MISMATCH']],
  ] as const)('%s for a %s born %s', (id, gender, birth, expected) => {
    expect(citizenIdErrors(id, gender, birth).map((e) => e.code)).toEqual(expected);
  });
});

describe('memberErrors', () => {
  it('accepts a complete, consistent record', () => expect(codes({})).toEqual([]));

  it('wants the official date at least 12 months after joining', () => {
    expect(codes({ officialOn: '2011-03-25' })).toEqual(['officialOn:PROBATION_TOO_SHORT']);
    expect(codes({ officialOn: null })).toEqual(['officialOn:OFFICIAL_DATE_REQUIRED']);
  });

  it('keeps official dates and cards away from probationary members', () => {
    expect(codes({ membershipKind: 'PROBATIONARY' })).toEqual(['officialOn:PROBATIONARY_WITH_OFFICIAL_DATE', 'cardNumber:PROBATIONARY_WITH_CARD']);
  });

  it('refuses dates in the future and joining before 18', () => {
    expect(codes({ birthDate: '2030-01-01', citizenId: '037230123456' })).toContain('birthDate:DATE_IN_FUTURE');
    expect(codes({ joinedOn: '1995-01-01', officialOn: '1996-01-01' })).toEqual(['joinedOn:JOINED_TOO_YOUNG']);
  });

  it('checks phone, dossier and roster numbers, name and dues basis, naming every field at once', () => {
    expect(codes({ phone: '12345', dossierNumber: '12AB', rosterNumber: 0, fullName: 'A1', duesBasis: null })).toEqual([
      'fullName:INVALID_NAME',
      'phone:INVALID_PHONE',
      'dossierNumber:INVALID_DOSSIER_NUMBER',
      'rosterNumber:INVALID_ROSTER_NUMBER',
      'duesBasis:DUES_BASIS_REQUIRED',
    ]);
  });
});

describe('the dues category against age (the retirement-age table by birth cohort)', () => {
  const today = '2026-12-02';
  it.each([
    ['a man of 30 "at retirement age"', { gender: 'MALE', birthDate: '1996-05-10', duesCategory: 'NO_INCOME_RETIREMENT_AGE' }, 'DUES_CATEGORY_AGE'],
    ['a man of 30 below it', { gender: 'MALE', birthDate: '1996-05-10', duesCategory: 'NO_INCOME_BELOW_RETIREMENT_AGE' }, null],
    ['a woman of 70 "below retirement age"', { gender: 'FEMALE', birthDate: '1956-01-01', duesCategory: 'NO_INCOME_BELOW_RETIREMENT_AGE' }, 'DUES_CATEGORY_AGE'],
    ['a woman of 70 at it', { gender: 'FEMALE', birthDate: '1956-01-01', duesCategory: 'NO_INCOME_RETIREMENT_AGE' }, null],
    // Born 03/1965: 61 years 6 months for men reaching it in 2026, so in 09/2026; past it from 10/2026.
    ['a man who reached it in 09/2026, at it', { gender: 'MALE', birthDate: '1965-03-15', duesCategory: 'NO_INCOME_RETIREMENT_AGE' }, null],
    ['a woman of 57, below it (56 years 8 months for 2026, reached in 2027 at 57 years)', { gender: 'FEMALE', birthDate: '1970-01-01', duesCategory: 'NO_INCOME_BELOW_RETIREMENT_AGE' }, null],
    ['a pensioner of 50: no age rule', { gender: 'MALE', birthDate: '1976-01-01', duesCategory: 'PENSION' }, null],
  ] as const)('%s', (_label, fields, code) => {
    expect(duesCategoryAgeError(fields, today)?.code ?? null).toBe(code);
  });

  it('says when the age is reached', () => {
    expect(duesCategoryAgeError({ gender: 'MALE', birthDate: '1996-05-10', duesCategory: 'NO_INCOME_RETIREMENT_AGE' }, today)?.message).toContain('chưa đến tuổi nghỉ hưu (đến tháng');
  });
});

import type { UserError } from '@dangvu/subgraph-kit';
import type { DuesCategory } from './member.repository.ts';
import { pastRetirementAge, retirementMonth } from '@dangvu/subgraph-dues/retirement-age';
import { normalizePhone } from './phone.rules.ts';

/** The fields of the register a secretary may correct, as the edit form sends them. */
export interface MemberFields {
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  citizenId: string;
  ethnicity: string;
  hometown: string;
  residenceAddress: string;
  phone: string | null;
  workplace: string | null;
  position: string | null;
  joinedOn: string;
  officialOn: string | null;
  cardNumber: string | null;
  dossierNumber: string | null;
  rosterNumber: number | null;
  membershipKind: 'PROBATIONARY' | 'OFFICIAL';
  duesCategory: DuesCategory;
  duesBasis: number | null;
}

const error = (code: string, field: string, message: string): UserError => ({ code, field, message });

/**
 * The checks a 12-digit citizen ID (CCCD) carries: a birth-province code (001–096), a digit giving sex and
 * century of birth (0/1 for men/women born 1900–1999, 2/3 for 2000–2099, …), then the last two digits of the
 * year of birth.
 */
export function citizenIdErrors(citizenId: string, gender: 'MALE' | 'FEMALE', birthDate: string): UserError[] {
  if (!/^\d{12}$/.test(citizenId)) return [error('INVALID_CITIZEN_ID', 'citizenId', 'Số căn cước công dân gồm đúng 12 chữ số.')];
  const province = Number(citizenId.slice(0, 3));
  if (province < 1 || province > 96) {
    return [error('INVALID_CITIZEN_ID', 'citizenId', 'Ba chữ số đầu của số căn cước phải là mã tỉnh nơi đăng ký khai sinh (001–096).')];
  }
  const year = Number(birthDate.slice(0, 4));
  const expected = (Math.floor(year / 100) - 19) * 2 + (gender === 'FEMALE' ? 1 : 0);
  if (Number(citizenId[3]) !== expected || citizenId.slice(4, 6) !== birthDate.slice(2, 4)) {
    return [error('CITIZEN_ID_MISMATCH', 'citizenId', 'Số căn cước không khớp với giới tính và năm sinh đã nhập.')];
  }
  return [];
}

/** The calendar day `months` after `day` (yyyy-mm-dd); the 31st of a shorter month rolls into the next, as Date does. */
export const addMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/** Every problem with a member's record, each naming its field (docs/rules/member-register.md#record-checks). */
export function memberErrors(fields: MemberFields, today: string): UserError[] {
  const errors: UserError[] = [];
  const name = fields.fullName.trim();
  if (name.length < 3 || name.length > 100 || !/^[\p{L} .'-]+$/u.test(name)) {
    errors.push(error('INVALID_NAME', 'fullName', 'Họ và tên gồm 3 đến 100 chữ cái.'));
  }
  for (const [field, day] of [['birthDate', fields.birthDate], ['joinedOn', fields.joinedOn], ['officialOn', fields.officialOn]] as const) {
    if (day && day > today) errors.push(error('DATE_IN_FUTURE', field, 'Ngày không được sau hôm nay.'));
  }
  errors.push(...citizenIdErrors(fields.citizenId, fields.gender, fields.birthDate));
  if (fields.joinedOn < addMonths(fields.birthDate, 18 * 12)) {
    errors.push(error('JOINED_TOO_YOUNG', 'joinedOn', 'Ngày vào Đảng phải từ khi đủ 18 tuổi.'));
  }
  if (fields.membershipKind === 'OFFICIAL') {
    if (!fields.officialOn) errors.push(error('OFFICIAL_DATE_REQUIRED', 'officialOn', 'Đảng viên chính thức cần có ngày chính thức.'));
    else if (fields.officialOn < addMonths(fields.joinedOn, 12)) {
      errors.push(error('PROBATION_TOO_SHORT', 'officialOn', 'Ngày chính thức phải sau ngày vào Đảng ít nhất 12 tháng.'));
    }
  } else {
    if (fields.officialOn) errors.push(error('PROBATIONARY_WITH_OFFICIAL_DATE', 'officialOn', 'Đảng viên dự bị chưa có ngày chính thức.'));
    if (fields.cardNumber) errors.push(error('PROBATIONARY_WITH_CARD', 'cardNumber', 'Chỉ đảng viên chính thức mới có thẻ đảng viên.'));
  }
  if (fields.phone !== null && normalizePhone(fields.phone) === null) {
    errors.push(error('INVALID_PHONE', 'phone', 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (có thể viết +84), ví dụ 0912 345 678.'));
  }
  const address = fields.residenceAddress.trim();
  if (address.length === 0) errors.push(error('RESIDENCE_REQUIRED', 'residenceAddress', 'Cần ghi nơi cư trú của đảng viên.'));
  else if (address.length < 10 || address.length > 300) {
    errors.push(error('INVALID_ADDRESS', 'residenceAddress', 'Nơi cư trú dài từ 10 đến 300 ký tự.'));
  }
  if (fields.dossierNumber !== null && !/^\d{6}[A-Z]{2,3}$/.test(fields.dossierNumber)) {
    errors.push(error('INVALID_DOSSIER_NUMBER', 'dossierNumber', 'Số lý lịch gồm 6 chữ số và mã đảng bộ tỉnh (2–3 chữ in hoa).'));
  }
  if (fields.rosterNumber !== null && (!Number.isInteger(fields.rosterNumber) || fields.rosterNumber < 1)) {
    errors.push(error('INVALID_ROSTER_NUMBER', 'rosterNumber', 'Số danh sách là số nguyên dương.'));
  }
  const needsBasis = (['SOCIAL_INSURANCE_SALARY', 'SOCIAL_INSURANCE_BENEFIT', 'PENSION', 'ABROAD_ALLOWANCE'] as DuesCategory[]).includes(fields.duesCategory);
  if (needsBasis && (fields.duesBasis === null || fields.duesBasis <= 0)) {
    errors.push(error('DUES_BASIS_REQUIRED', 'duesBasis', 'Cần mức lương, trợ cấp hoặc lương hưu làm căn cứ tính đảng phí.'));
  }
  if (fields.duesBasis !== null && (!Number.isInteger(fields.duesBasis) || fields.duesBasis < 0)) {
    errors.push(error('INVALID_DUES_BASIS', 'duesBasis', 'Căn cứ tính đảng phí là số đồng, không âm.'));
  }
  const ageError = duesCategoryAgeError(fields, today);
  if (ageError) errors.push(ageError);
  return errors;
}

/**
 * A member without insurance or pension is in the row for their age (docs/rules/member-register.md#retirement-age):
 * "at retirement age" from the month after the one in which the birth cohort's age is reached, "below" before.
 */
export function duesCategoryAgeError(fields: Pick<MemberFields, 'duesCategory' | 'birthDate' | 'gender'>, today: string): UserError | null {
  if (fields.duesCategory !== 'NO_INCOME_RETIREMENT_AGE' && fields.duesCategory !== 'NO_INCOME_BELOW_RETIREMENT_AGE') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.birthDate)) return null;
  const past = pastRetirementAge(fields.birthDate, fields.gender, today.slice(0, 7));
  if (past === (fields.duesCategory === 'NO_INCOME_RETIREMENT_AGE')) return null;
  const [year, month] = retirementMonth(fields.birthDate, fields.gender).split('-');
  return error(
    'DUES_CATEGORY_AGE',
    'duesCategory',
    past
      ? `Đảng viên đã đến tuổi nghỉ hưu (tháng ${month}/${year}): chọn "không có thu nhập, đã đến tuổi nghỉ hưu".`
      : `Đảng viên chưa đến tuổi nghỉ hưu (đến tháng ${month}/${year}): chọn "không có thu nhập, chưa đến tuổi nghỉ hưu".`,
  );
}

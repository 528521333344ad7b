import type { UserError } from '@dangvu/subgraph-kit';
import { quoteDues } from '@dangvu/subgraph-dues/rates';
import type { DuesCategory } from '../member/member.repository.ts';
import { searchText } from './register-import.rules.ts';
import type { Sheet } from '@dangvu/subgraph-kit';

/** The columns of a social-insurance file (docs/rules/register-import.md#social-insurance), known like the import's. */
const CITIZEN_ID_HEADERS = ['so cccd', 'so can cuoc', 'so dinh danh', 'cccd', 'citizen id'];
const SALARY_HEADERS = ['muc luong dong bhxh', 'luong dong bhxh', 'tien luong dong bhxh', 'muc luong', 'insured salary'];
/** Above any salary insured in Viet Nam (20 × the base salary is the ceiling): a typo, not a salary. */
const MAX_SALARY = 1_000_000_000;

export type InsuranceRow = { rowNumber: number; citizenId: string; salary: number } | { rowNumber: number; citizenId: string | null; errors: UserError[] };
export type InsuranceFile = { fileErrors: UserError[] } | { rows: InsuranceRow[] };

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });
const headerKey = (value: string) => searchText(value).replace(/[^a-z0-9]+/g, ' ').trim();

/** Whole dong from "5.310.000", "5,310,000", "5310000" or "5 310 000"; null for anything else. */
export function parseDong(text: string): number | null {
  const compact = text.trim().replace(/[\s.,]/g, '').replace(/(đ|vnd|vnđ)$/i, '');
  if (!/^\d{1,12}$/.test(compact)) return null;
  // A decimal part ("5310000,50") is not whole dong: refuse rather than guess.
  if (/[.,]\d{1,2}$/.test(text.trim())) return null;
  return Number(compact);
}

/** Each row: a 12-digit citizen ID and a salary in whole dong, above zero; a citizen ID once. */
export function parseInsuranceSheet(sheet: Sheet): InsuranceFile {
  const header = (sheet[0] ?? []).map(headerKey);
  const idColumn = header.findIndex((title) => CITIZEN_ID_HEADERS.includes(title));
  const salaryColumn = header.findIndex((title) => SALARY_HEADERS.includes(title));
  const fileErrors = [
    ...(idColumn < 0 ? [error('MISSING_COLUMN', 'citizenId', 'Tệp thiếu cột "Số CCCD".')] : []),
    ...(salaryColumn < 0 ? [error('MISSING_COLUMN', 'insuredSalary', 'Tệp thiếu cột "Mức lương đóng BHXH".')] : []),
  ];
  if (fileErrors.length > 0) return { fileErrors };
  const rows: InsuranceRow[] = [];
  const seen = new Map<string, number>();
  for (let index = 1; index < sheet.length; index++) {
    const cells = sheet[index]!;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const rowNumber = index + 1;
    const citizenId = (cells[idColumn] ?? '').trim();
    const salary = parseDong(cells[salaryColumn] ?? '');
    const errors: UserError[] = [];
    if (!/^\d{12}$/.test(citizenId)) errors.push(error('INVALID_CITIZEN_ID', 'citizenId', 'Số căn cước công dân gồm đúng 12 chữ số.'));
    if (salary === null || salary <= 0 || salary > MAX_SALARY) {
      errors.push(error('INVALID_SALARY', 'insuredSalary', 'Mức lương đóng bảo hiểm xã hội là số đồng lớn hơn 0 (ví dụ 5.310.000).'));
    }
    const first = seen.get(citizenId);
    if (errors.length === 0 && first !== undefined) errors.push(error('DUPLICATE_IN_FILE', 'citizenId', `Số căn cước này đã có ở dòng ${first}.`));
    if (errors.length > 0) {
      rows.push({ rowNumber, citizenId: citizenId || null, errors });
      continue;
    }
    seen.set(citizenId, rowNumber);
    rows.push({ rowNumber, citizenId, salary: salary! });
  }
  if (rows.length === 0) return { fileErrors: [error('EMPTY_FILE', null, 'Tệp không có dòng dữ liệu nào.')] };
  return { rows };
}

/**
 * The month's dues by the rate engine of the dues subgraph (docs/rules/dues-rates.md): before, on the member's
 * category and basis (null when the engine needs what the register does not hold, such as the wage region), and
 * after, on the insured salary.
 */
export function duesBeforeAndAfter(member: { duesCategory: DuesCategory; duesBasis: number | null; birthDate: string; gender: 'MALE' | 'FEMALE' }, salary: number, month: string) {
  const quote = (category: DuesCategory, basis: number | null) => {
    const result = quoteDues({ category, basis: basis === null ? null : BigInt(basis), wageRegion: null, localityClass: null, birthDate: member.birthDate, sex: member.gender, month });
    return result.ok ? Number(result.quote.amount) : null;
  };
  return { before: quote(member.duesCategory, member.duesBasis), after: quote('SOCIAL_INSURANCE_SALARY', salary) };
}


import type { UserError } from '@dangvu/subgraph-kit';
import { isUuid } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';
import { citizenIdErrors } from '../member/member.rules.ts';
import type { Sheet } from '@dangvu/subgraph-kit';

/**
 * The columns of an export of the central member database that an import reads
 * (docs/rules/register-import.md#columns), each with the headers it is known by. Headers are compared
 * without case, diacritics, spaces or punctuation, so "Số CCCD", "so_cccd" and "SO CCCD" are one column.
 */
export const IMPORT_COLUMNS = {
  citizenId: { headers: ['so cccd', 'so can cuoc', 'so dinh danh', 'cccd', 'citizen id'], required: true },
  fullName: { headers: ['ho va ten', 'ho ten', 'full name'], required: true },
  gender: { headers: ['gioi tinh', 'gender'], required: true },
  birthDate: { headers: ['ngay sinh', 'birth date'], required: true },
  joinedOn: { headers: ['ngay vao dang', 'joined on'], required: true },
  officialOn: { headers: ['ngay chinh thuc', 'official on'], required: false },
  cardNumber: { headers: ['so the dang vien', 'so the', 'card number'], required: false },
  dossierNumber: { headers: ['so ly lich', 'dossier number'], required: false },
  ethnicity: { headers: ['dan toc', 'ethnicity'], required: false },
  hometown: { headers: ['que quan', 'hometown'], required: false },
  residenceAddress: { headers: ['noi cu tru', 'residence address'], required: false },
  organizationId: { headers: ['ma to chuc', 'organization id'], required: false },
} as const;

export type ImportField = keyof typeof IMPORT_COLUMNS;

/** A row of the file once validated: the register's fields, as the register writes them. */
export interface ImportRecord {
  citizenId: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  joinedOn: string;
  officialOn: string | null;
  membershipKind: 'PROBATIONARY' | 'OFFICIAL';
  cardNumber: string | null;
  dossierNumber: string | null;
  ethnicity: string | null;
  hometown: string | null;
  residenceAddress: string | null;
  organizationId: string | null;
}

export type ParsedRow = { rowNumber: number; record: ImportRecord } | { rowNumber: number; errors: UserError[]; citizenId: string | null };

export type ParsedFile = { fileErrors: UserError[] } | { rows: ParsedRow[]; columns: ImportField[] };

/** Lower case without diacritics (đ → d), as the register's `members.search_text` makes names for search. */
export const searchText = (value: string) =>
  value.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

const headerKey = (value: string) => searchText(value).replace(/[^a-z0-9]+/g, ' ').trim();
const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });

/** A day from `dd/mm/yyyy`, `d-m-yyyy` or `yyyy-mm-dd`, or null when it is no day of the calendar. */
export function parseDay(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
const addMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

function genderOf(value: string): 'MALE' | 'FEMALE' | null {
  const key = searchText(value);
  if (key === 'nam' || key === 'male' || key === 'm') return 'MALE';
  if (key === 'nu' || key === 'female' || key === 'f') return 'FEMALE';
  return null;
}

const optional = (value: string | undefined) => {
  const text = value?.trim() ?? '';
  return text.length > 0 ? text : null;
};

/** One data row checked alone: every problem named with its column (docs/rules/register-import.md#row-checks). */
export function validateRow(cells: Partial<Record<ImportField, string>>, today: string): { record: ImportRecord } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const required = (field: ImportField, label: string) => {
    const value = optional(cells[field]);
    if (value === null) errors.push(error('MISSING_FIELD', field, `Thiếu ${label}.`));
    return value;
  };
  const citizenId = required('citizenId', 'số căn cước công dân');
  const fullName = required('fullName', 'họ và tên');
  const genderText = required('gender', 'giới tính');
  const birthText = required('birthDate', 'ngày sinh');
  const joinedText = required('joinedOn', 'ngày vào Đảng');
  const gender = genderText === null ? null : genderOf(genderText);
  if (genderText !== null && gender === null) errors.push(error('INVALID_GENDER', 'gender', 'Giới tính ghi "Nam" hoặc "Nữ".'));
  const day = (field: ImportField, text: string | null) => {
    if (text === null) return null;
    const parsed = parseDay(text);
    if (parsed === null) errors.push(error('INVALID_DATE', field, `Ngày "${text}" không có thật hoặc sai dạng (dd/mm/yyyy).`));
    else if (parsed > today) errors.push(error('DATE_IN_FUTURE', field, 'Ngày không được sau hôm nay.'));
    return parsed;
  };
  const birthDate = day('birthDate', birthText);
  const joinedOn = day('joinedOn', joinedText);
  const officialOn = day('officialOn', optional(cells.officialOn));
  if (fullName !== null && (fullName.length < 3 || fullName.length > 100 || !/^[\p{L} .'-]+$/u.test(fullName))) {
    errors.push(error('INVALID_NAME', 'fullName', 'Họ và tên gồm 3 đến 100 chữ cái.'));
  }
  if (citizenId !== null && gender !== null && birthDate !== null) errors.push(...citizenIdErrors(citizenId, gender, birthDate));
  else if (citizenId !== null && !/^\d{12}$/.test(citizenId)) errors.push(error('INVALID_CITIZEN_ID', 'citizenId', 'Số căn cước công dân gồm đúng 12 chữ số.'));
  if (birthDate && birthDate < addYears(today, -120)) errors.push(error('IMPOSSIBLE_DATE', 'birthDate', 'Ngày sinh quá 120 năm trước: không thể đúng.'));
  if (birthDate && joinedOn && joinedOn < addYears(birthDate, 18)) errors.push(error('JOINED_TOO_YOUNG', 'joinedOn', 'Ngày vào Đảng phải từ khi đủ 18 tuổi.'));
  if (joinedOn && officialOn && officialOn < addMonths(joinedOn, 12)) {
    errors.push(error('PROBATION_TOO_SHORT', 'officialOn', 'Ngày chính thức phải sau ngày vào Đảng ít nhất 12 tháng.'));
  }
  const cardNumber = optional(cells.cardNumber);
  if (cardNumber !== null && officialOn === null) errors.push(error('PROBATIONARY_WITH_CARD', 'cardNumber', 'Chỉ đảng viên chính thức mới có thẻ đảng viên.'));
  const dossierNumber = optional(cells.dossierNumber);
  if (dossierNumber !== null && !/^\d{6}[A-Z]{2,3}$/.test(dossierNumber)) {
    errors.push(error('INVALID_DOSSIER_NUMBER', 'dossierNumber', 'Số lý lịch gồm 6 chữ số và mã đảng bộ tỉnh (2–3 chữ in hoa).'));
  }
  const residenceAddress = optional(cells.residenceAddress);
  if (residenceAddress !== null && (residenceAddress.length < 10 || residenceAddress.length > 300)) {
    errors.push(error('INVALID_ADDRESS', 'residenceAddress', 'Nơi cư trú dài từ 10 đến 300 ký tự.'));
  }
  const organizationId = optional(cells.organizationId);
  if (organizationId !== null && !isUuid(organizationId)) errors.push(error('INVALID_ORGANIZATION', 'organizationId', 'Mã tổ chức không đúng dạng.'));
  if (errors.length > 0) return { errors };
  return {
    record: {
      citizenId: citizenId!,
      fullName: fullName!.replace(/\s+/g, ' '),
      gender: gender!,
      birthDate: birthDate!,
      joinedOn: joinedOn!,
      officialOn,
      membershipKind: officialOn ? 'OFFICIAL' : 'PROBATIONARY',
      cardNumber,
      dossierNumber,
      ethnicity: optional(cells.ethnicity),
      hometown: optional(cells.hometown),
      residenceAddress,
      organizationId: organizationId?.toLowerCase() ?? null,
    },
  };
}

/**
 * A whole file: its header mapped to the columns above (an unknown header is ignored, a missing required one
 * refuses the file), then each row checked, and citizen IDs repeated inside the file refused on each repeat.
 * Empty rows are skipped; row numbers are the spreadsheet's own (the header is row 1).
 */
export function parseImportSheet(sheet: Sheet, today: string): ParsedFile {
  const header = sheet[0];
  if (!header) return { fileErrors: [error('EMPTY_FILE', null, 'Tệp không có dòng tiêu đề nào.')] };
  const columns = new Map<ImportField, number>();
  header.forEach((title, index) => {
    const key = headerKey(title);
    for (const [field, column] of Object.entries(IMPORT_COLUMNS) as [ImportField, (typeof IMPORT_COLUMNS)[ImportField]][]) {
      if ((column.headers as readonly string[]).includes(key) && !columns.has(field)) columns.set(field, index);
    }
  });
  const missing = (Object.entries(IMPORT_COLUMNS) as [ImportField, { required: boolean; headers: readonly string[] }][]).filter(
    ([field, column]) => column.required && !columns.has(field),
  );
  if (missing.length > 0) {
    return { fileErrors: missing.map(([field, column]) => error('MISSING_COLUMN', field, `Tệp thiếu cột "${column.headers[0]}".`)) };
  }
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (let index = 1; index < sheet.length; index++) {
    const cells = sheet[index]!;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const values = Object.fromEntries([...columns].map(([field, at]) => [field, cells[at] ?? ''])) as Partial<Record<ImportField, string>>;
    const rowNumber = index + 1;
    const checked = validateRow(values, today);
    if ('errors' in checked) {
      rows.push({ rowNumber, errors: checked.errors, citizenId: optional(values.citizenId) });
      continue;
    }
    const first = seen.get(checked.record.citizenId);
    if (first !== undefined) {
      rows.push({
        rowNumber,
        citizenId: checked.record.citizenId,
        errors: [error('DUPLICATE_IN_FILE', 'citizenId', `Số căn cước này đã có ở dòng ${first}.`)],
      });
      continue;
    }
    seen.set(checked.record.citizenId, rowNumber);
    rows.push({ rowNumber, record: checked.record });
  }
  if (rows.length === 0) return { fileErrors: [error('EMPTY_FILE', null, 'Tệp không có dòng dữ liệu nào.')] };
  return { rows, columns: [...columns.keys()] };
}

/** The register fields an import compares, and which of them are identity fields (docs/rules/member-register.md#identity-edits). */
export const COMPARED_FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'joinedOn',
  'officialOn',
  'membershipKind',
  'cardNumber',
  'dossierNumber',
  'ethnicity',
  'hometown',
  'residenceAddress',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export const IDENTITY_FIELDS: ReadonlySet<ComparedField> = new Set(['fullName', 'gender', 'birthDate', 'membershipKind', 'officialOn']);

export interface FieldChange {
  field: ComparedField;
  before: string | null;
  after: string | null;
  identity: boolean;
}

/**
 * What the file would change on a member found by citizen ID, field by field. Only the columns the file has
 * are compared, and an empty optional cell never clears what the register holds, except the official date, which tells the membership kind.
 */
export function fieldChanges(member: MemberRow, record: ImportRecord, columns: readonly ImportField[]): FieldChange[] {
  const present = new Set<string>(columns);
  // The kind follows the official date: compared whenever that column is there.
  if (present.has('officialOn')) present.add('membershipKind');
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (!present.has(field)) continue;
    const after = record[field];
    const before = member[field] as string | null;
    if (after === null && field !== 'officialOn') continue;
    if (field === 'fullName' ? before !== after : (before ?? null) !== after) {
      changes.push({ field, before: before ?? null, after, identity: IDENTITY_FIELDS.has(field) });
    }
  }
  return changes;
}

import { createHash } from 'node:crypto';
import type { Sheet, UserError } from '@dangvu/subgraph-kit';
import type { ColumnMapping } from './bank-presets.config.ts';

/**
 * Reading a bank statement (docs/rules/dues-payments.md#bank-statements): the header row found under whatever
 * the bank prints above it, then one credited line per row; debit lines are passed over. Pure: no I/O.
 */

/** A credited line as the statement gives it. */
export interface StatementLine {
  rowNumber: number;
  /** YYYY-MM-DD */
  bookedOn: string;
  /** Whole dong. */
  amount: bigint;
  narrative: string;
  /** The bank's reference, or a fingerprint of the line when the file has none (docs/rules/dues-payments.md#one-line-once). */
  reference: string;
}

export interface RowErrors {
  rowNumber: number;
  errors: UserError[];
}

export type StatementReading = { lines: StatementLine[] } | { fileErrors: UserError[]; rowErrors: RowErrors[] };

/** A statement longer than this is several months of a busy account: split it. */
export const MAX_STATEMENT_ROWS = 50_000;
/** Banks print the account, the period and balances above the header; it is within the first rows. */
const HEADER_SEARCH_ROWS = 40;

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });

/** Text as compared: no diacritics (đ as d), lower case, single spaces. */
export const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

type Field = keyof ColumnMapping;
const FIELD_NAMES: Record<Field, string> = { date: 'ngày giao dịch', credit: 'số tiền ghi có', narrative: 'diễn giải (nội dung)', reference: 'số tham chiếu' };

/** The header row and where each field's column is; the reference column may be missing. */
function findHeader(sheet: Sheet, mapping: ColumnMapping): { row: number; columns: Record<Field, number> } | null {
  for (let row = 0; row < Math.min(sheet.length, HEADER_SEARCH_ROWS); row++) {
    const cells = (sheet[row] ?? []).map(folded);
    const column = (field: Field) => cells.findIndex((cell) => mapping[field].some((name) => folded(name) === cell));
    const columns = { date: column('date'), credit: column('credit'), narrative: column('narrative'), reference: column('reference') };
    if (columns.date >= 0 && columns.credit >= 0 && columns.narrative >= 0) return { row, columns };
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function realDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A statement's day: dd/mm/yyyy (Vietnamese order, with any time after it), or yyyy-mm-dd as a workbook date reads. */
export function parseStatementDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(value);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(value);
  if (vn) return realDay(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  return null;
}

/**
 * A credited amount in whole dong: "1.500.000", "1,500,000", "1500000", "1.500.000,00", "+150,000 VND".
 * With both marks the last is the decimal one; a lone mark before exactly three digits groups thousands.
 * Null when it is no amount, or has a part of a dong (VND has no minor unit). Empty is 0 (a debit line).
 */
export function parseStatementAmount(text: string): bigint | null {
  let value = text.replace(/\s|VND|VNĐ|đ/giu, '').replace(/^\+/, '');
  if (value === '' || value === '-') return 0n;
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  let decimals = '';
  const decimalAt = lastDot >= 0 && lastComma >= 0 ? Math.max(lastDot, lastComma) : -1;
  if (decimalAt >= 0) {
    decimals = value.slice(decimalAt + 1);
    value = value.slice(0, decimalAt);
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
    if (mark && value.split(mark).length === 2 && value.split(mark)[1]!.length !== 3) {
      [value, decimals] = value.split(mark) as [string, string];
    }
  }
  if (!/^0*$/.test(decimals)) return null;
  const groups = value.split(/[.,]/);
  if (groups.length > 1 && (groups[0]!.length > 3 || groups.slice(1).some((group) => group.length !== 3))) return null;
  return BigInt(groups.join(''));
}

/** A line's stand-in reference when the file has no reference column: the same line in two files gives the same one. */
const fingerprint = (bookedOn: string, amount: bigint, narrative: string, repeat: number) =>
  `L-${createHash('sha256').update(`${bookedOn}|${amount}|${folded(narrative)}|${repeat}`).digest('hex').slice(0, 24)}`;

/** The statement's credited lines, or every reason the file cannot be taken (then nothing of it is applied). */
export function readStatement(sheet: Sheet, mapping: ColumnMapping): StatementReading {
  if (sheet.length > MAX_STATEMENT_ROWS) {
    return { fileErrors: [error('TOO_MANY_ROWS', 'uploadId', `Sao kê có quá ${MAX_STATEMENT_ROWS.toLocaleString('vi-VN')} dòng: đồng chí tách thành nhiều tệp theo tháng.`)], rowErrors: [] };
  }
  const header = findHeader(sheet, mapping);
  if (!header) {
    const wanted = (['date', 'credit', 'narrative'] as const).map((field) => `${FIELD_NAMES[field]} („${mapping[field][0]}")`).join(', ');
    return { fileErrors: [error('COLUMNS_NOT_FOUND', 'preset', `Không tìm thấy dòng tiêu đề có các cột ${wanted}: đồng chí chọn đúng ngân hàng, hoặc khai tên cột như trong tệp.`)], rowErrors: [] };
  }
  const { columns } = header;
  const lines: StatementLine[] = [];
  const rowErrors: RowErrors[] = [];
  const repeats = new Map<string, number>();
  for (let index = header.row + 1; index < sheet.length; index++) {
    const cells = sheet[index] ?? [];
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '');
    if (cells.every((text) => text.trim() === '')) continue;
    const rowNumber = index + 1;
    const dateText = cell(columns.date);
    const creditText = cell(columns.credit);
    const amount = parseStatementAmount(creditText);
    // Banks close the table with totals and balances ("Tổng cộng", "Số dư cuối kỳ"): a row whose day cell holds
    // no digit is no line.
    if (!/\d/.test(dateText)) continue;
    const errors: UserError[] = [];
    const bookedOn = parseStatementDay(dateText);
    if (!bookedOn) errors.push(error('INVALID_DATE', 'date', `Dòng ${rowNumber}: ngày „${dateText}" không đọc được (cần dạng ngày/tháng/năm).`));
    if (amount === null) errors.push(error('INVALID_AMOUNT', 'credit', `Dòng ${rowNumber}: số tiền ghi có „${creditText}" không phải số đồng hợp lệ.`));
    if (errors.length > 0) {
      rowErrors.push({ rowNumber, errors });
      continue;
    }
    if (amount === 0n) continue;
    const narrative = cell(columns.narrative);
    let reference = cell(columns.reference);
    if (reference === '') {
      const key = `${bookedOn}|${amount}|${folded(narrative)}`;
      const repeat = (repeats.get(key) ?? 0) + 1;
      repeats.set(key, repeat);
      reference = fingerprint(bookedOn!, amount!, narrative, repeat);
    }
    lines.push({ rowNumber, bookedOn: bookedOn!, amount: amount!, narrative, reference });
  }
  if (rowErrors.length > 0) {
    return { fileErrors: [error('INVALID_ROWS', 'uploadId', `Sao kê có ${rowErrors.length} dòng sai: chưa ghi nhận khoản nào. Đồng chí sửa các dòng được liệt kê rồi tải lại.`)], rowErrors };
  }
  const references = new Set<string>();
  const repeated = lines.filter((line) => references.size === references.add(line.reference).size);
  if (repeated.length > 0) {
    return {
      fileErrors: [error('DUPLICATE_REFERENCE', 'uploadId', 'Một số tham chiếu xuất hiện ở hai dòng của sao kê: tệp không phải bản xuất của ngân hàng, chưa ghi nhận khoản nào.')],
      rowErrors: repeated.map((line) => ({ rowNumber: line.rowNumber, errors: [error('DUPLICATE_REFERENCE', 'reference', `Dòng ${line.rowNumber}: số tham chiếu „${line.reference}" đã có ở dòng trên.`)] })),
    };
  }
  return { lines };
}

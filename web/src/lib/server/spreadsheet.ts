import ExcelJS from 'exceljs';

/** A table to hand to a spreadsheet program: a title, Vietnamese column headers, rows of text or numbers. */
export interface SheetTable {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

/**
 * A text cell a spreadsheet program would take for a formula (=, +, -, @, or a tab or carriage return before
 * one) is prefixed with an apostrophe, so that an organization's name can never run as a formula (CSV
 * injection). Numbers stay numbers.
 */
export function neutralised(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const csvField = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV as spreadsheet programs open it cleanly: UTF-8 with a byte-order mark (or Vietnamese turns to mojibake), CRLF lines. */
export function toCsv(table: SheetTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map((value) => csvField(neutralised(value))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook of one sheet: bold headers, the title as the sheet's name (at most 31 characters, as Excel allows). */
export async function toXlsx(table: SheetTable): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(neutralised));
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(12, ...[table.headers, ...table.rows].map((row) => String(row[index] ?? '').length + 2));
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

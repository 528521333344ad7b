import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type SheetTable } from './spreadsheet.ts';

const table: SheetTable = {
  title: 'Báo cáo tháng 2026-11',
  headers: ['Tổ chức', 'Đảng viên trong phạm vi', 'Tỷ lệ kích hoạt (%)'],
  rows: [
    ['Chi bộ thôn Đông, xã "Gia Viễn"', 12, 83.3],
    ['=HYPERLINK("http://x","bấm")', 3, null],
    ['-2+3', -4, 0],
    ['@SUM(A1)', 0, 100],
    ['+cmd|" /C calc"!A0', 1, 1],
    ['\t=1+1', 2, 2],
    ['\r=2+2', 3, 3],
  ],
};

/** A CSV parser of RFC 4180's quoting, to read the file back as a spreadsheet program does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') quoted = false;
    else if (quoted) field += char;
    else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += char;
  }
  return rows;
}

describe('report exports', () => {
  it('writes CSV with a byte-order mark, Vietnamese intact, quotes escaped and formulas neutralised', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Tổ chức', 'Đảng viên trong phạm vi', 'Tỷ lệ kích hoạt (%)']);
    expect(rows[1]).toEqual(['Chi bộ thôn Đông, xã "Gia Viễn"', '12', '83.3']);
    expect(rows.slice(2).map((row) => row[0])).toEqual([`'=HYPERLINK("http://x","bấm")`, "'-2+3", "'@SUM(A1)", `'+cmd|" /C calc"!A0`, "'\t=1+1", "'\r=2+2"]);
    expect(rows[2]![2]).toBe('');
    expect(rows[3]![1]).toBe('-4');
  });

  it('writes an XLSX workbook that reads back with its headers, numbers as numbers, and no formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(table));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Báo cáo tháng 2026-11');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tổ chức', 'Đảng viên trong phạm vi', 'Tỷ lệ kích hoạt (%)']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Chi bộ thôn Đông, xã "Gia Viễn"', 12, 83.3]);
    const cells = [2, 3, 4, 5, 6, 7, 8].flatMap((row) => [1, 2, 3].map((column) => sheet.getRow(row).getCell(column)));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(sheet.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("http://x","bấm")`);
    expect(sheet.getRow(4).getCell(2).value).toBe(-4);
    expect([6, 7, 8].map((row) => sheet.getRow(row).getCell(1).value)).toEqual([
      `'+cmd|" /C calc"!A0`,
      "'\t=1+1",
      // The workbook's XML reads a carriage return back as a line feed; the cell still starts with the apostrophe.
      expect.stringMatching(/^'[\r\n]=2\+2$/),
    ]);
  });
});

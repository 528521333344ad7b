import { describe, expect, it } from 'vitest';
import { zipOf } from '../testing/zip.ts';
import { checkFileType } from './file-type.ts';

const workbookParts: [string, Buffer][] = [
  ['[Content_Types].xml', Buffer.from('<Types><Default Extension="xml" ContentType="application/xml"/></Types>')],
  ['xl/workbook.xml', Buffer.from('<workbook/>')],
  ['xl/worksheets/sheet1.xml', Buffer.from('<worksheet><sheetData/></worksheet>')],
];
const SHEETS = ['CSV', 'XLSX'] as const;

describe('checkFileType: the type is told by the bytes', () => {
  it.each([
    ['a UTF-8 CSV with a byte-order mark', Buffer.from('\uFEFFa,b\n1,2\n'), 'CSV'],
    ['a UTF-16 CSV with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]), 'CSV'],
    ['a workbook', zipOf(workbookParts), 'XLSX'],
  ])('accepts %s', (_name, bytes, type) => {
    expect(checkFileType(bytes, SHEETS)).toEqual({ type });
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.4'), 'Tệp là PDF'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'Tệp là ảnh JPEG'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'Tệp là ảnh PNG'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'Tệp Excel đời cũ (.xls)'],
    ['text in Windows-1258, not UTF-8', Buffer.from([0x4e, 0x67, 0xd2, 0x2c, 0x61]), 'không phải văn bản UTF-8'],
    ['a binary with NUL bytes', Buffer.from('a,b\u0000c'), 'không phải tệp văn bản CSV'],
    ['a line of 65 KiB', Buffer.from('a'.repeat(65 * 1024)), 'dòng dài quá 64 KB'],
    ['a ZIP that is no workbook', zipOf([['readme.txt', Buffer.from('hello')]]), 'không phải bảng tính Excel'],
    ['a macro-enabled workbook', zipOf([...workbookParts, ['xl/vbaProject.bin', Buffer.from('macro')]]), 'có macro'],
    [
      'a workbook whose content types say macroEnabled',
      zipOf([['[Content_Types].xml', Buffer.from('<Override ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>')], workbookParts[1]!]),
      'có macro',
    ],
    ['a truncated workbook', zipOf(workbookParts).subarray(0, 60), 'bị cắt cụt'],
    ['a workbook cut inside its directory', (() => { const zip = zipOf(workbookParts); return Buffer.concat([zip.subarray(0, zip.length - 40), zip.subarray(zip.length - 22)]); })(), 'bị cắt cụt'],
    ['a zip bomb (one entry compressed a thousandfold)', zipOf([...workbookParts, ['xl/worksheets/sheet2.xml', Buffer.alloc(5 * 1024 * 1024, 0x20)]]), 'bom nén'],
    [
      'a workbook whose header understates an entry (inflation stops at the declared size)',
      zipOf([...workbookParts, ['xl/sharedStrings.xml', Buffer.alloc(40_000, 0x41)]], { 'xl/sharedStrings.xml': 1_000 }),
      'bị cắt cụt',
    ],
  ])('refuses %s', (_name, bytes, message) => {
    const check = checkFileType(bytes, SHEETS);
    expect('refusal' in check && check.refusal).toContain(message);
  });

  it('refuses a CSV where only scans are taken, and a workbook where only PDFs are', () => {
    expect(checkFileType(Buffer.from('a,b'), ['PDF', 'JPEG', 'PNG'])).toEqual({ refusal: 'Tệp là một loại tệp không nhận ra, nhưng ở đây chỉ nhận PDF, ảnh JPEG, ảnh PNG.' });
    expect(checkFileType(zipOf(workbookParts), ['PDF'])).toEqual({ refusal: 'Tệp là tệp nén (ZIP), nhưng ở đây chỉ nhận PDF.' });
  });
});

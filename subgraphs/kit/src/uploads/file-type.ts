import { inflateEntry, readZipDirectory, ZIP_REFUSALS } from './zip-guard.ts';

/** The kinds of file an upload can turn out to be (docs/decisions/0006-file-upload.md#size-and-type). */
export const FILE_TYPES = ['CSV', 'XLSX', 'PDF', 'JPEG', 'PNG'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export type FileTypeCheck = { type: FileType } | { refusal: string };

const MAX_CSV_LINE = 64 * 1024;
const TYPE_NAMES: Record<FileType, string> = { CSV: 'CSV', XLSX: 'Excel (.xlsx)', PDF: 'PDF', JPEG: 'ảnh JPEG', PNG: 'ảnh PNG' };

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** A workbook: the two parts every XLSX has, no macros, every part inflating to what it declares. */
function checkWorkbook(bytes: Buffer): FileTypeCheck {
  const directory = readZipDirectory(bytes);
  if ('refusal' in directory) return directory;
  const names = new Set(directory.entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    return { refusal: 'Tệp nén này không phải bảng tính Excel (.xlsx).' };
  }
  if (names.has('xl/vbaProject.bin')) return { refusal: 'Bảng tính có macro (.xlsm) không được nhận: đồng chí lưu lại thành .xlsx.' };
  for (const entry of directory.entries) {
    const inflated = inflateEntry(bytes, entry);
    if (!inflated) return { refusal: ZIP_REFUSALS.truncated };
    if (entry.name === '[Content_Types].xml' && /macroEnabled/i.test(inflated.toString('utf8'))) {
      return { refusal: 'Bảng tính có macro (.xlsm) không được nhận: đồng chí lưu lại thành .xlsx.' };
    }
  }
  return { type: 'XLSX' };
}

/** Text: UTF-8 (a byte-order mark allowed) or UTF-16 with its mark, no NUL, no line over 64 KiB. */
function checkCsv(bytes: Buffer): FileTypeCheck {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { refusal: 'Tệp không phải văn bản UTF-8: đồng chí lưu tệp CSV với bảng mã UTF-8.' };
  }
  if (text.includes('\u0000')) return { refusal: 'Tệp không phải tệp văn bản CSV.' };
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', lineStart)) {
    const end = i < 0 ? text.length : i;
    if (end - lineStart > MAX_CSV_LINE) return { refusal: 'Tệp có dòng dài quá 64 KB: không phải tệp CSV hợp lệ.' };
    if (i < 0) break;
    lineStart = i + 1;
  }
  return { type: 'CSV' };
}

/**
 * What the bytes are, decided by the bytes alone (never the name or the client's content type), and whether
 * it is one of `accepted`; a refusal says in Vietnamese what to do instead.
 */
export function checkFileType(bytes: Buffer, accepted: readonly FileType[]): FileTypeCheck {
  const refuse = (detected: string): FileTypeCheck => ({
    refusal: `Tệp là ${detected}, nhưng ở đây chỉ nhận ${accepted.map((type) => TYPE_NAMES[type]).join(', ')}.`,
  });
  let check: FileTypeCheck;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { refusal: 'Tệp Excel đời cũ (.xls) không được nhận: đồng chí mở tệp và lưu lại thành .xlsx.' };
  } else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!accepted.includes('XLSX')) return refuse('tệp nén (ZIP)');
    check = checkWorkbook(bytes);
  } else if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) check = { type: 'PDF' };
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) check = { type: 'JPEG' };
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) check = { type: 'PNG' };
  else {
    if (!accepted.includes('CSV')) return refuse('một loại tệp không nhận ra');
    check = checkCsv(bytes);
  }
  if ('type' in check && !accepted.includes(check.type)) return refuse(TYPE_NAMES[check.type]);
  return check;
}

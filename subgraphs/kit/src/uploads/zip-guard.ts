import { inflateRawSync } from 'node:zlib';

/** docs/decisions/0006-file-upload.md#size-and-type: limits read off the central directory before anything is inflated. */
export const ZIP_LIMITS = { entries: 10_000, uncompressedBytes: 200 * 1024 * 1024, ratio: 100 } as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
  localHeaderOffset: number;
}

export type ZipCheck = { entries: ZipEntry[] } | { refusal: string };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const TRUNCATED = 'Tệp bảng tính bị cắt cụt hoặc hỏng: đồng chí vui lòng xuất lại tệp và tải lên lần nữa.';
const BOMB = 'Tệp bảng tính có nội dung nén bất thường (nghi là "bom nén"), hệ thống không mở tệp này.';

/** The end-of-central-directory record: in the last 22 bytes, or before a comment of at most 64 KiB. */
function endOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/**
 * The entries of a ZIP's central directory, refused when the archive is truncated, uses ZIP64 (no workbook
 * we take needs it), holds too many entries, declares too much in total, or compresses any entry more than
 * a spreadsheet's XML ever does: all from the directory, before anything is inflated.
 */
export function readZipDirectory(bytes: Buffer): ZipCheck {
  if (bytes.length < 22) return { refusal: TRUNCATED };
  const end = endOfDirectory(bytes);
  if (end < 0) return { refusal: TRUNCATED };
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { refusal: BOMB };
  if (count > ZIP_LIMITS.entries) return { refusal: BOMB };
  if (offset + size > end) return { refusal: TRUNCATED };
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return { refusal: TRUNCATED };
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedBytes: bytes.readUInt32LE(at + 20),
      uncompressedBytes: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)),
    };
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    total += entry.uncompressedBytes;
    if (total > ZIP_LIMITS.uncompressedBytes) return { refusal: BOMB };
    // A few bytes of XML may compress to more than they were; only a large ratio is suspicious.
    if (entry.uncompressedBytes > ZIP_LIMITS.ratio * Math.max(entry.compressedBytes, 1) && entry.uncompressedBytes > 64 * 1024) {
      return { refusal: BOMB };
    }
    entries.push(entry);
  }
  return { entries };
}

/**
 * One entry's bytes, inflated never beyond what the directory declared: a header that lies about the size is
 * caught here, and so is a truncated or corrupt stream. Null when the entry cannot be read as declared.
 */
export function inflateEntry(bytes: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedBytes > bytes.length) return null;
  const data = bytes.subarray(start, start + entry.compressedBytes);
  if (entry.method === 0) return entry.compressedBytes === entry.uncompressedBytes ? data : null;
  if (entry.method !== 8) return null;
  try {
    const inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedBytes, 1) });
    return inflated.length === entry.uncompressedBytes ? inflated : null;
  } catch {
    return null;
  }
}

export const ZIP_REFUSALS = { truncated: TRUNCATED, bomb: BOMB } as const;

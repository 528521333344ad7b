import { createRequire } from 'node:module';
import { create } from 'qrcode';
import type { PdfImage } from '@dangvu/subgraph-kit/testing';

/* The standard's tables as the qrcode package (which made the code) keeps them: block structure and format bits. */
const require = createRequire(import.meta.url);
const ecCode = require('qrcode/lib/core/error-correction-code.js') as { getBlocksCount(v: number, l: unknown): number; getTotalCodewordsCount(v: number, l: unknown): number };
const ecLevels = require('qrcode/lib/core/error-correction-level.js') as Record<'L' | 'M' | 'Q' | 'H', { bit: number }>;
const formatInfo = require('qrcode/lib/core/format-info.js') as { getEncodedBits(level: unknown, mask: number): number };
const utils = require('qrcode/lib/core/utils.js') as { getSymbolTotalCodewords(v: number): number };

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** The modules of the QR code drawn in `image`: dark where the pixel at each module's centre is dark. */
export function modulesOf(image: PdfImage): boolean[][] {
  const dark = (x: number, y: number) => image.pixels[(y * image.width + x) * image.channels]! < 128;
  let top = -1;
  let left = image.width;
  for (let y = 0; y < image.height && top === -1; y++) for (let x = 0; x < image.width; x++) if (dark(x, y)) { top = y; break; }
  for (let x = 0; x < image.width; x++) if (dark(x, top)) { left = x; break; }
  let run = 0;
  while (dark(left + run, top)) run++;
  const module = run / 7; // the top-left finder is seven modules wide
  let right = image.width - 1;
  while (!dark(right, top)) right--;
  const size = Math.round((right - left + 1) / module);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => dark(Math.floor(left + (col + 0.5) * module), Math.floor(top + (row + 0.5) * module))),
  );
}

/** Decodes a clean QR code (no error correction needed): format, unmasking, codewords, and numeric, alphanumeric and byte segments. */
export function decodeQr(modules: boolean[][]): string {
  const size = modules.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1) throw new Error(`not a QR code size: ${size}`);
  let format = 0;
  for (let i = 0; i < 15; i++) {
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    if (modules[row]![8]) format |= 1 << i;
  }
  const [levelName, mask] = (['L', 'M', 'Q', 'H'] as const)
    .flatMap((name) => MASKS.map((_, m) => [name, m] as const))
    .find(([name, m]) => formatInfo.getEncodedBits(ecLevels[name], m) === format) ?? [];
  if (levelName === undefined || mask === undefined) throw new Error('format information unreadable');
  const level = ecLevels[levelName];
  // A code of the same version, level and mask marks which modules are function patterns.
  const layout = create('0', { version, errorCorrectionLevel: levelName, maskPattern: mask as never }).modules as unknown as { isReserved(r: number, c: number): boolean };

  const bits: number[] = [];
  let up = true;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let n = 0; n < size; n++) {
      const row = up ? size - 1 - n : n;
      for (const c of [col, col - 1]) {
        if (layout.isReserved(row, c)) continue;
        bits.push(Number(modules[row]![c]! !== MASKS[mask]!(row, c)));
      }
    }
    up = !up;
  }
  const codewords = Array.from({ length: Math.floor(bits.length / 8) }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((byte, bit) => (byte << 1) | bit, 0));

  const total = utils.getSymbolTotalCodewords(version);
  const dataTotal = total - ecCode.getTotalCodewordsCount(version, level);
  const blocks = ecCode.getBlocksCount(version, level);
  const inGroup2 = total % blocks;
  const shortData = Math.floor(dataTotal / blocks);
  const sizes = Array.from({ length: blocks }, (_, b) => shortData + (b >= blocks - inGroup2 ? 1 : 0));
  const perBlock: number[][] = sizes.map(() => []);
  let next = 0;
  for (let i = 0; i < shortData + 1; i++) for (let b = 0; b < blocks; b++) if (i < sizes[b]!) perBlock[b]!.push(codewords[next++]!);
  const data = perBlock.flat();

  let at = 0;
  const read = (n: number) => {
    let value = 0;
    for (let i = 0; i < n; i++) value = (value << 1) | ((data[(at + i) >> 3]! >> (7 - ((at + i) & 7))) & 1);
    at += n;
    return value;
  };
  const countBits = (mode: 'numeric' | 'alphanumeric' | 'byte') => {
    const band = version < 10 ? 0 : version < 27 ? 1 : 2;
    return { numeric: [10, 12, 14], alphanumeric: [9, 11, 13], byte: [8, 16, 16] }[mode][band]!;
  };
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
  const bytes: number[] = [];
  while (at + 4 <= data.length * 8) {
    const mode = read(4);
    if (mode === 0) break;
    if (mode === 0b0100) {
      for (let n = read(countBits('byte')); n > 0; n--) bytes.push(read(8));
    } else if (mode === 0b0010) {
      let n = read(countBits('alphanumeric'));
      for (; n >= 2; n -= 2) {
        const pair = read(11);
        bytes.push(ALNUM.charCodeAt(Math.floor(pair / 45)), ALNUM.charCodeAt(pair % 45));
      }
      if (n === 1) bytes.push(ALNUM.charCodeAt(read(6)));
    } else if (mode === 0b0001) {
      let n = read(countBits('numeric'));
      for (; n >= 3; n -= 3) bytes.push(...Buffer.from(String(read(10)).padStart(3, '0')));
      if (n === 2) bytes.push(...Buffer.from(String(read(7)).padStart(2, '0')));
      if (n === 1) bytes.push(...Buffer.from(String(read(4))));
    } else {
      throw new Error(`segment mode ${mode.toString(2)} not read here`);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';

export type FontWeight = 'Regular' | 'Bold' | 'Italic';

/**
 * Open Sans (SIL Open Font License), which covers Vietnamese, as shipped inside the @sparticuz/chromium npm
 * package (bin/fonts.tar.br): printed documents embed it, so the PDF's Vietnamese does not depend on the fonts of
 * the machine that prints it (docs/decisions/0010-transfer-letters.md#the-letter-as-a-pdf).
 */
export function openSans(): Record<FontWeight, Buffer> {
  // The package exports only its build/index.js; its bin/ lies beside build/.
  const archive = fileURLToPath(new URL('../bin/fonts.tar.br', import.meta.resolve('@sparticuz/chromium')));
  const files = untar(brotliDecompressSync(readFileSync(archive)));
  const font = (weight: FontWeight) => {
    const file = files.get(`fonts/Open_Sans/OpenSans-${weight}.ttf`);
    if (!file) throw new Error(`OpenSans-${weight}.ttf is not in ${archive}`);
    return file;
  };
  return { Regular: font('Regular'), Bold: font('Bold'), Italic: font('Italic') };
}

let loaded: Record<FontWeight, Buffer> | null = null;

/**
 * The @font-face rules that embed Open Sans's regular, bold and italic faces as `family`, as data: URLs (the
 * printer's pages reach nothing else). The fonts are read once per process.
 */
export function openSansFaces(family: string): string {
  loaded ??= openSans();
  const fonts = loaded;
  const face = (weight: FontWeight, css: string) =>
    `@font-face { font-family: '${family}'; ${css} src: url(data:font/ttf;base64,${fonts[weight].toString('base64')}) format('truetype'); }`;
  return [
    face('Regular', 'font-weight: 400; font-style: normal;'),
    face('Bold', 'font-weight: 700; font-style: normal;'),
    face('Italic', 'font-weight: 400; font-style: italic;'),
  ].join('\n');
}

/** The regular files of a ustar archive by name: 512-byte headers, each followed by its data padded to 512. */
function untar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) break;
    const size = Number.parseInt(header.subarray(124, 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    if (type === '0' || type === '\0') files.set(name, tar.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader for the tests of printed documents (letters, requests): the objects of an
 * uncompressed cross-reference PDF (what Chromium writes), their Flate streams, the text of the pages through
 * each font's ToUnicode map, and the images.
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt === -1 || !/\/Length\s+(\d+)/.test(body.slice(0, streamAt))) {
      found.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const length = Number(/\/Length\s+(\d+)/.exec(dict)![1]);
    let dataStart = start + streamAt + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const raw = pdf.subarray(dataStart, dataStart + length);
    found.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return found;
}

/** code → text of a ToUnicode CMap (bfchar and bfrange, both spellings of bfrange). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(Number.parseInt(code!, 16), utf16(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const [a, b] = [Number.parseInt(from!, 16), Number.parseInt(to!, 16)];
      if (rest!.startsWith('[')) {
        [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach(([, hex], i) => map.set(a + i, utf16(hex!)));
      } else {
        const base = Number.parseInt(rest!.slice(1, -1), 16);
        for (let code = a; code <= b; code++) map.set(code, String.fromCharCode(base + code - a));
      }
    }
  }
  return map;
}

export interface PdfImage {
  width: number;
  height: number;
  /** Bytes per pixel: 1 (gray) or 3 (RGB), 8 bits each. */
  channels: number;
  pixels: Buffer;
}

export function readPdf(pdf: Buffer): { text: string; fonts: string[]; images: PdfImage[] } {
  const all = objects(pdf);
  const ref = (dict: string, key: string) => {
    const match = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return match ? all.get(Number(match[1])) : undefined;
  };
  const fontsByName = new Map<string, Map<number, string>>();
  const fonts: string[] = [];
  for (const { dict } of all.values()) {
    for (const [, entries] of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, id] of entries!.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
        const font = all.get(Number(id))!;
        const cmap = ref(font.dict, 'ToUnicode');
        if (cmap?.stream) fontsByName.set(name!, toUnicode(cmap.stream.toString('latin1')));
      }
    }
    const base = /\/BaseFont\s*\/([^\s/>]+)/.exec(dict);
    if (base && /\/Type\s*\/Font/.test(dict)) fonts.push(base[1]!);
  }
  let text = '';
  for (const { stream } of all.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let font: Map<number, string> | undefined;
    const tokens = /\/([^\s/]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g;
    for (const [token, fontName, array, single] of content.matchAll(tokens)) {
      if (fontName) font = fontsByName.get(fontName);
      const strings = array !== undefined ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!) : single !== undefined ? [single] : [];
      for (const hex of strings) for (const code of hex.match(/.{4}/g) ?? []) text += font?.get(Number.parseInt(code, 16)) ?? '';
      if (token === 'ET') text += '\n';
    }
  }
  const images = [...all.values()]
    .filter(({ dict, stream }) => stream && /\/Subtype\s*\/Image/.test(dict))
    .map(({ dict, stream }) => {
      const width = Number(/\/Width\s+(\d+)/.exec(dict)![1]);
      const height = Number(/\/Height\s+(\d+)/.exec(dict)![1]);
      // Gray or RGB, named or through an ICC profile: the byte count tells.
      return { width, height, channels: stream!.length / (width * height), pixels: stream! };
    });
  return { text, fonts, images };
}

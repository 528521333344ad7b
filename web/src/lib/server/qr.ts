import { create } from 'qrcode';

/** Blank modules on each side of a QR code: scanners need this quiet zone, and the standard asks for four. */
const QUIET_ZONE = 4;

/** A QR code as one SVG path, one unit per module; `size` includes the quiet zone. Drawn by `QrCode.svelte`. */
export interface QrCodeShape {
  size: number;
  path: string;
}

/** The dark modules of the QR code for `text`, each row's runs drawn as rectangles of one path. */
export function qrCodeShape(text: string): QrCodeShape {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      runs.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h-${column - start}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: runs.join('') };
}

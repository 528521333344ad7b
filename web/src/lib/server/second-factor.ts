import { create } from 'qrcode';

/** Blank modules on each side of a QR code: scanners need this quiet zone, and the standard asks for four. */
const QUIET_ZONE = 4;

/** A QR code as one SVG path, one unit per module; `size` includes the quiet zone. */
export interface QrCodeShape {
  size: number;
  path: string;
}

/** What the security page shows to add the account to an authenticator app. */
export interface Enrolment {
  otpauthUri: string;
  /** The secret in groups of four characters, for typing by hand. */
  secretGroups: string[];
  qrCode: QrCodeShape;
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

/**
 * The enrolment view of an otpauth:// URI the API handed out, or null for anything else. The URI comes
 * back from the page while the member confirms, so it is checked before it becomes a link again.
 */
export function enrolmentOf(otpauthUri: string): Enrolment | null {
  let url: URL;
  try {
    url = new URL(otpauthUri);
  } catch {
    return null;
  }
  const secret = url.searchParams.get('secret') ?? '';
  if (url.protocol !== 'otpauth:' || url.host !== 'totp' || !/^[A-Z2-7]{16,128}$/.test(secret)) return null;
  return { otpauthUri, secretGroups: secret.match(/.{1,4}/g) ?? [], qrCode: qrCodeShape(otpauthUri) };
}

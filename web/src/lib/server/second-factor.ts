import { qrCodeShape, type QrCodeShape } from './qr.ts';

/** What the security page shows to add the account to an authenticator app. */
export interface Enrolment {
  otpauthUri: string;
  /** The secret in groups of four characters, for typing by hand. */
  secretGroups: string[];
  qrCode: QrCodeShape;
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

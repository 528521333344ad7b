import { createHmac, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;
const DIGITS = 6;

function base32Encode(bytes: Buffer): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i + 5 <= bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}

function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error('not base32');
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** A new 160-bit secret, base32 as authenticator apps take it. */
export const newTotpSecret = () => base32Encode(randomBytes(20));

/** The 30-second step `instant` falls in. */
export const totpStep = (instant: Date) => Math.floor(instant.getTime() / 1000 / STEP_SECONDS);

/** RFC 6238 (HMAC-SHA1, 6 digits) code for one step. */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
  return String(binary).padStart(DIGITS, '0');
}

/**
 * The step a code is valid for, allowing a phone clock one step off either way, or null. A step at or
 * before `lastStep` was already used: a code works once.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const current = totpStep(now);
  for (const step of [current, current - 1, current + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if (totpCode(secret, step) === typed) return step;
  }
  return null;
}

/** What an authenticator app scans to enrol the account. */
export function otpauthUri(secret: string, username: string): string {
  const label = encodeURIComponent(`dangvu:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=dangvu&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}

import { describe, expect, it } from 'vitest';
import { acceptedStep, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.rules.ts';

// RFC 6238 appendix B: the SHA-1 secret is ASCII "12345678901234567890" (base32 below); codes are the last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches RFC 6238 at %i s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, totpStep(new Date(seconds * 1000)))).toBe(code);
  });

  it('accepts the current code, one step of clock drift either way, and each code only once', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-23T05:00:10Z');
    const step = totpStep(now);
    expect(acceptedStep(secret, totpCode(secret, step), now, null)).toBe(step);
    expect(acceptedStep(secret, totpCode(secret, step - 1), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, totpCode(secret, step + 2), now, null)).toBeNull();
    expect(acceptedStep(secret, totpCode(secret, step), now, step)).toBeNull();
    expect(acceptedStep(secret, '12345', now, null)).toBeNull();
  });

  it('makes an otpauth URI an authenticator app can scan', () => {
    expect(otpauthUri('ABC', '037080123456')).toBe('otpauth://totp/dangvu%3A037080123456?secret=ABC&issuer=dangvu&algorithm=SHA1&digits=6&period=30');
  });
});

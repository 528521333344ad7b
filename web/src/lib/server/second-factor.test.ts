import { describe, expect, it } from 'vitest';
import { enrolmentOf, qrCodeShape } from './second-factor.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const uri = `otpauth://totp/dangvu%3Abithu.demo?secret=${secret}&issuer=dangvu&algorithm=SHA1&digits=6&period=30`;

describe('the QR code of an enrolment', () => {
  it('is a whole QR symbol with its quiet zone, starting with the top-left finder pattern', () => {
    const { size, path } = qrCodeShape(uri);
    // A version-v symbol has 17 + 4v modules a side; four blank ones on each side.
    expect((size - 8 - 17) % 4).toBe(0);
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
  });
});

describe('reading back an enrolment', () => {
  it('shows the secret in groups of four for typing by hand', () => {
    expect(enrolmentOf(uri)?.secretGroups).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'JBSW', 'Y3DP', 'EHPK', '3PXP']);
  });

  it.each([
    ['not a URL', 'xin chào'],
    ['another scheme', `javascript:alert(1)//otpauth://totp/x?secret=${secret}`],
    ['a web address', `https://totp/x?secret=${secret}`],
    ['a counter-based code', `otpauth://hotp/x?secret=${secret}`],
    ['a secret that is not base32', 'otpauth://totp/x?secret=abc%22%3E'],
  ])('refuses %s', (_, text) => {
    expect(enrolmentOf(text)).toBeNull();
  });
});

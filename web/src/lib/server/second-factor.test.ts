import { describe, expect, it } from 'vitest';
import { enrolmentOf } from './second-factor.ts';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const uri = `otpauth://totp/dangvu%3Abithu.demo?secret=${secret}&issuer=dangvu&algorithm=SHA1&digits=6&period=30`;

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

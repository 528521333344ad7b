import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountSecrets } from './account-secrets.ts';

const secrets = accountSecrets(randomBytes(32));
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ACCOUNT = '00000000-0000-4000-8000-000000000001';

describe('account secrets', () => {
  it('seal a TOTP secret so that the stored value does not show it, and open it again', () => {
    const sealed = secrets.sealTotp(ACCOUNT, SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toBe(secrets.sealTotp(ACCOUNT, SECRET));
    expect(secrets.openTotp(ACCOUNT, sealed)).toEqual({ secret: SECRET, legacy: false });
  });

  it('do not open a sealed secret copied onto another account, nor under another key, nor altered', () => {
    const sealed = secrets.sealTotp(ACCOUNT, SECRET);
    expect(() => secrets.openTotp('00000000-0000-4000-8000-000000000002', sealed)).toThrow();
    expect(() => accountSecrets(randomBytes(32)).openTotp(ACCOUNT, sealed)).toThrow();
    const [prefix, iv, body, tag] = sealed.split(':');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => secrets.openTotp(ACCOUNT, [prefix, iv, flipped.toString('base64url'), tag].join(':'))).toThrow();
  });

  it('read a secret stored in the clear before sealing, as legacy, and refuse anything else', () => {
    expect(secrets.openTotp(ACCOUNT, SECRET)).toEqual({ secret: SECRET, legacy: true });
    expect(() => secrets.openTotp(ACCOUNT, 'not a secret')).toThrow();
  });

  it('keep activation codes as a keyed hash, whatever the spacing and case typed', () => {
    const hash = secrets.activationHash('ABCDE-FGH23');
    expect(secrets.activationHash(' abcde fgh23')).toBe(hash);
    expect(hash).not.toContain('ABCDE');
    expect(accountSecrets(randomBytes(32)).activationHash('ABCDE-FGH23')).not.toBe(hash);
    expect(secrets.refreshTokenHash('ABCDEFGH23')).not.toBe(hash);
  });

  it('need a 32-byte key', () => {
    expect(() => accountSecrets(randomBytes(16))).toThrow(/32 bytes/);
  });
});

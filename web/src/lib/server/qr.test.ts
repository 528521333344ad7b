import { describe, expect, it } from 'vitest';
import { qrCodeShape } from './qr.ts';

describe('a QR code', () => {
  it('is a whole QR symbol with its quiet zone, starting with the top-left finder pattern', () => {
    const { size, path } = qrCodeShape('otpauth://totp/dangvu%3Abithu.demo?secret=JBSWY3DPEHPK3PXP&issuer=dangvu');
    // A version-v symbol has 17 + 4v modules a side; four blank ones on each side.
    expect((size - 8 - 17) % 4).toBe(0);
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
  });
});

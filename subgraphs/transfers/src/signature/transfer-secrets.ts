import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRETS_KEY_BYTES = 32;

/**
 * What the transfers subgraph keeps secret, all derived from its one secrets key (never in the database,
 * docs/decisions/0010-transfer-letters.md): the key that seals people's signing keys at rest, and the key that
 * authenticates the vouchers it hands out for facts other subgraphs answered.
 */
export interface TransferSecrets {
  seal(plain: Buffer, context: string): string;
  /** Throws when the sealed text was altered or sealed for another context or key. */
  unseal(sealed: string, context: string): Buffer;
  mac(text: string): Buffer;
  sameMac(text: string, mac: Buffer): boolean;
}

const derive = (key: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `dangvu.transfers.${purpose}`, 32));

export function transferSecrets(secretsKey: Buffer): TransferSecrets {
  if (secretsKey.length !== SECRETS_KEY_BYTES) throw new Error(`the transfers secrets key must be ${SECRETS_KEY_BYTES} bytes`);
  const sealKey = derive(secretsKey, 'seal');
  const macKey = derive(secretsKey, 'voucher');
  const mac = (text: string) => createHmac('sha256', macKey).update(text).digest();
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(sealed, context) {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(0, 12)).setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
    mac,
    sameMac(text, given) {
      const expected = mac(text);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

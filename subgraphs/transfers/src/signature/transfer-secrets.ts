import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { sealer, type Sealer } from '@dangvu/subgraph-kit';

export const SECRETS_KEY_BYTES = 32;

/**
 * What the transfers subgraph keeps secret, all derived from its one secrets key (never in the database,
 * docs/decisions/0010-transfer-letters.md): the key that seals people's signing keys at rest, and the key that
 * authenticates the vouchers it hands out for facts other subgraphs answered.
 */
export interface TransferSecrets extends Sealer {
  mac(text: string): Buffer;
  sameMac(text: string, mac: Buffer): boolean;
}

const derive = (key: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `dangvu.transfers.${purpose}`, 32));

export function transferSecrets(secretsKey: Buffer): TransferSecrets {
  if (secretsKey.length !== SECRETS_KEY_BYTES) throw new Error(`the transfers secrets key must be ${SECRETS_KEY_BYTES} bytes`);
  const macKey = derive(secretsKey, 'voucher');
  const mac = (text: string) => createHmac('sha256', macKey).update(text).digest();
  return {
    ...sealer(secretsKey, 'dangvu.transfers.seal'),
    mac,
    sameMac(text, given) {
      const expected = mac(text);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { TransferSecrets } from './transfer-secrets.ts';

export interface NewSigningKey {
  personId: string;
  publicKey: string;
  sealedPrivateKey: string;
}

/** The sealing context binds a sealed key to its person: a sealed key copied onto another person's row does not open. */
const context = (personId: string) => `signing-key:${personId}`;

/** A new Ed25519 key pair for `personId`: the public half in the clear, the private half sealed. */
export function newSigningKey(secrets: TransferSecrets, personId: string): NewSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    personId,
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
    sealedPrivateKey: secrets.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), context(personId)),
  };
}

/** The private key of a stored key pair; throws when it was sealed under another secrets key or for another person. */
export function openSigningKey(secrets: TransferSecrets, key: { personId: string; sealedPrivateKey: string }): KeyObject {
  return createPrivateKey({ key: secrets.unseal(key.sealedPrivateKey, context(key.personId)), format: 'der', type: 'pkcs8' });
}

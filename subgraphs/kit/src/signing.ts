import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Seals small secrets at rest with AES-256-GCM under a key derived from a subgraph's secrets key, which lives
 * outside the database. The context is authenticated with the sealed text: sealed for one row, it does not
 * open for another.
 */
export interface Sealer {
  seal(plain: Buffer, context: string): string;
  /** Throws when the sealed text was altered or sealed for another context or key. */
  unseal(sealed: string, context: string): Buffer;
}

/** A sealer keyed by HKDF-SHA256 of `secretsKey` for `purpose`, so that one secrets key serves several uses apart. */
export function sealer(secretsKey: Buffer, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secretsKey, Buffer.alloc(0), purpose, 32));
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(sealed, context) {
      const bytes = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    },
  };
}

export interface NewSigningKey {
  personId: string;
  /** SPKI DER, base64url. */
  publicKey: string;
  /** PKCS#8 DER, sealed. */
  sealedPrivateKey: string;
}

/** The sealing context binds a sealed key to its person: a sealed key copied onto another person's row does not open. */
const keyContext = (personId: string) => `signing-key:${personId}`;

/** A new Ed25519 key pair for `personId`: the public half in the clear, the private half sealed. */
export function newSigningKey(sealing: Sealer, personId: string): NewSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    personId,
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
    sealedPrivateKey: sealing.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), keyContext(personId)),
  };
}

/** The private key of a stored key pair; throws when it was sealed under another secrets key or for another person. */
export function openSigningKey(sealing: Sealer, key: { personId: string; sealedPrivateKey: string }): KeyObject {
  return createPrivateKey({ key: sealing.unseal(key.sealedPrivateKey, keyContext(key.personId)), format: 'der', type: 'pkcs8' });
}

/** The Ed25519 signature of a hash, base64url. */
export const signHash = (hash: string, privateKey: KeyObject) => sign(null, Buffer.from(hash), privateKey).toString('base64url');

export const publicKeyFrom = (spki: string) => createPublicKey({ key: Buffer.from(spki, 'base64url'), format: 'der', type: 'spki' });

/** Whether `signature` is the Ed25519 signature of `hash` by the key `spki` (SPKI DER, base64url). */
export function signatureIsValid(hash: string, spki: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(hash), publicKeyFrom(spki), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Where a subgraph keeps people's signing keys: one in use per person, retired ones kept to verify what they signed. */
export interface SigningKeyStore {
  /** The person's key in use, made from `candidate` when they have none; of two first uses at once, one key is kept. */
  activeOrInsert(candidate: NewSigningKey): Promise<{ id: string; personId: string; sealedPrivateKey: string }>;
  retire(id: string): Promise<void>;
}

export interface PersonSignature {
  keyId: string;
  signature: string;
}

/**
 * Signs a hash with the person's own key, made on their first signature. A key sealed under an earlier secrets
 * key cannot be opened: it is retired (it still verifies what it signed) and the person gets a new one.
 */
export function personSigner(sealing: Sealer) {
  return async (keys: SigningKeyStore, personId: string, hash: string): Promise<PersonSignature> => {
    let key = await keys.activeOrInsert(newSigningKey(sealing, personId));
    let privateKey;
    try {
      privateKey = openSigningKey(sealing, key);
    } catch {
      await keys.retire(key.id);
      key = await keys.activeOrInsert(newSigningKey(sealing, personId));
      privateKey = openSigningKey(sealing, key);
    }
    return { keyId: key.id, signature: signHash(hash, privateKey) };
  };
}

export type PersonSigner = ReturnType<typeof personSigner>;

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKey, openSigningKey, sealer, signatureIsValid, signHash } from './signing.ts';

const sealing = sealer(randomBytes(32), 'test.seal');
const key = newSigningKey(sealing, 'person-1');
const hash = 'a'.repeat(64);
const signature = signHash(hash, openSigningKey(sealing, key));

describe('signing', () => {
  it('verifies a signature against the key that made it, and nothing else', () => {
    expect(signatureIsValid(hash, key.publicKey, signature)).toBe(true);
    expect(signatureIsValid('b'.repeat(64), key.publicKey, signature)).toBe(false);
    expect(signatureIsValid(hash, newSigningKey(sealing, 'person-2').publicKey, signature)).toBe(false);
    expect(signatureIsValid(hash, key.publicKey, 'not-a-signature')).toBe(false);
    expect(signatureIsValid(hash, 'not-a-key', signature)).toBe(false);
  });

  it('opens a sealed key only for its person, under the key and purpose it was sealed with', () => {
    expect(() => openSigningKey(sealing, { ...key, personId: 'person-2' })).toThrow();
    expect(() => openSigningKey(sealer(randomBytes(32), 'test.seal'), key)).toThrow();
  });
});

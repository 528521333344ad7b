import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { sealer } from '@dangvu/subgraph-kit';

/** Bytes of MEMBERS_SECRETS_KEY: one AES-256 key, also the HMAC key. */
export const SECRETS_KEY_BYTES = 32;

/** How a sealed value begins: the format's version. */
export const SEALED_PREFIX = 'v1:';
/** A TOTP secret from before sealing: base32, as authenticator apps take it. */
const PLAIN_TOTP_SECRET = /^[A-Z2-7]+=*$/;

const b64 = (bytes: Buffer) => bytes.toString('base64url');

/**
 * What the members subgraph keeps from its own database (docs/rules/accounts.md#secrets-at-rest): second-factor
 * secrets sealed with AES-256-GCM, and one-time codes and refresh tokens kept only as HMAC-SHA256, both under
 * MEMBERS_SECRETS_KEY, which lives outside the database. Whoever reads the tables alone can neither compute a
 * member's codes nor test guesses of an activation code or a refresh token offline.
 */
export function accountSecrets(key: Buffer) {
  if (key.length !== SECRETS_KEY_BYTES) throw new Error(`the members secrets key must be ${SECRETS_KEY_BYTES} bytes`);
  const keyedHash = (purpose: string, value: string) => createHmac('sha256', key).update(`${purpose}\n${value}`).digest('hex');

  return {
    /** Seals the signing keys of those who give residence comments (docs/rules/residence-comments.md#signed). */
    signingKeys: sealer(key, 'dangvu.members.signing-keys'),

    /**
     * Seals a TOTP secret for one account: the account id is authenticated with it, so that a sealed secret
     * copied onto another account's row does not open there.
     */
    sealTotp(accountId: string, secret: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`totp:${accountId}`));
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${SEALED_PREFIX}${b64(iv)}:${b64(sealed)}:${b64(cipher.getAuthTag())}`;
    },

    /**
     * The TOTP secret as stored: sealed, or still in the clear from before sealing (`legacy`, which the caller
     * seals on this first use). Throws on a value that is neither, or sealed for another account or key.
     */
    openTotp(accountId: string, stored: string): { secret: string; legacy: boolean } {
      if (!stored.startsWith(SEALED_PREFIX)) {
        if (!PLAIN_TOTP_SECRET.test(stored)) throw new Error('unreadable TOTP secret');
        return { secret: stored, legacy: true };
      }
      const [iv, sealed, tag] = stored.slice(SEALED_PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64url'));
      if (!iv || !sealed || !tag) throw new Error('unreadable TOTP secret');
      const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`totp:${accountId}`)).setAuthTag(tag);
      return { secret: Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8'), legacy: false };
    },

    /** What an account keeps of its one-time activation code; spaces, hyphens and case do not matter. */
    activationHash: (code: string) => keyedHash('activation', code.replace(/[\s-]/g, '').toUpperCase()),

    /** What a session keeps of a refresh token. */
    refreshTokenHash: (token: string) => keyedHash('refresh', token),
  };
}

export type AccountSecrets = ReturnType<typeof accountSecrets>;

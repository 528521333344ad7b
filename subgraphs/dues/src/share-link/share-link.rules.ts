import { createHash } from 'node:crypto';

/** How long a shared link pays (docs/rules/dues-payments.md#a-shared-link). */
export const SHARE_LINK_DAYS = 7;

export type ShareLinkState = 'ACTIVE' | 'EXPIRED' | 'REVOKED' | 'PAID';

/** 32 random bytes as URL-safe text: 256 bits, which nobody guesses. */
export const shareToken = (bytes: Buffer) => bytes.toString('base64url');

/** What is kept of a token: its SHA-256, so the table alone opens no link. */
export const shareTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as `shareToken` writes it; anything else is no link, and is not looked up. */
export const isShareToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const shareLinkExpiry = (createdAt: Date) => new Date(createdAt.getTime() + SHARE_LINK_DAYS * 24 * 60 * 60 * 1000);

/**
 * What a link is now: revoked by the member or an officer, else paid once none of its months is still owed
 * (by this link, in cash or otherwise), else expired after its days, else active.
 */
export function shareLinkState(link: { revokedAt: Date | null; expiresAt: Date }, monthsStillOwed: boolean, now: Date): ShareLinkState {
  if (link.revokedAt) return 'REVOKED';
  if (!monthsStillOwed) return 'PAID';
  if (now >= link.expiresAt) return 'EXPIRED';
  return 'ACTIVE';
}

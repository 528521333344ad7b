import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isShareToken, shareLinkExpiry, shareLinkState, shareToken, shareTokenHash } from './share-link.rules.ts';

const created = new Date('2026-12-02T03:00:00Z');
const expiresAt = shareLinkExpiry(created);

describe('a shared link', () => {
  it('lasts seven days to the second', () => {
    expect(expiresAt.toISOString()).toBe('2026-12-09T03:00:00.000Z');
  });

  it.each([
    ['active within its days', null, true, new Date('2026-12-09T02:59:59Z'), 'ACTIVE'],
    ['expired at its end', null, true, expiresAt, 'EXPIRED'],
    ['paid once nothing of it is owed, even after its end', null, false, new Date('2026-12-20T00:00:00Z'), 'PAID'],
    ['revoked above all', new Date('2026-12-03T00:00:00Z'), false, new Date('2026-12-04T00:00:00Z'), 'REVOKED'],
  ] as const)('is %s', (_what, revokedAt, owed, now, state) => {
    expect(shareLinkState({ revokedAt, expiresAt }, owed, now)).toBe(state);
  });

  it('carries a token of 256 random bits, kept only as its hash', () => {
    const token = shareToken(randomBytes(32));
    expect(isShareToken(token)).toBe(true);
    expect(shareTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(shareTokenHash(token)).not.toContain(token);
    expect(isShareToken(`${token}x`)).toBe(false);
    expect(isShareToken("' or 1=1 --")).toBe(false);
  });
});

import type { RoleGrant } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { grantsStillHeld, refreshOutcome, REUSE_GRACE_SECONDS } from './session.rules.ts';

const NOW = new Date('2026-12-01T03:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const open = { endedAt: null, expiresAt: at(3600) };

describe('a refresh token presented', () => {
  it.each([
    ['unused and valid, in an open session', { expiresAt: at(60), usedAt: null }, open, 'ROTATE'],
    ['unused but past its life', { expiresAt: at(0), usedAt: null }, open, 'REFUSED'],
    ['used before, long enough ago to be someone else', { expiresAt: at(60), usedAt: at(-REUSE_GRACE_SECONDS) }, open, 'REUSED'],
    ['used a moment ago (two tabs at once)', { expiresAt: at(60), usedAt: at(-REUSE_GRACE_SECONDS + 1) }, open, 'RACED'],
    ['unused, in an ended session', { expiresAt: at(60), usedAt: null }, { endedAt: at(-5), expiresAt: at(3600) }, 'REFUSED'],
    ['used, in an ended session: nothing more to end', { expiresAt: at(60), usedAt: at(-600) }, { endedAt: at(-5), expiresAt: at(3600) }, 'REFUSED'],
    ['unused, in a session past its last day', { expiresAt: at(60), usedAt: null }, { endedAt: null, expiresAt: at(0) }, 'REFUSED'],
  ] as const)('%s: %s', (_name, token, session, outcome) => {
    expect(refreshOutcome(token, session, NOW)).toBe(outcome);
  });
});

describe('a token’s grants', () => {
  const secretary: RoleGrant = { role: 'SECRETARY', orgId: 'c', orgPath: '/p/w/c/' };
  const admin: RoleGrant = { role: 'ADMIN', orgId: 'w', orgPath: '/p/w/' };

  it('still hold while each is in force as it was, new ones aside', () => {
    expect(grantsStillHeld([secretary], [secretary, admin])).toBe(true);
    expect(grantsStillHeld([], [admin])).toBe(true);
  });

  it('are stale once one ended or its organization moved', () => {
    expect(grantsStillHeld([secretary, admin], [admin])).toBe(false);
    expect(grantsStillHeld([secretary], [{ ...secretary, orgPath: '/p/x/c/' }])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { grantsOf } from './token.ts';

const token = (payload: unknown) => `x.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.y`;

describe('grantsOf', () => {
  it('reads the grants a token carries', () => {
    expect(grantsOf(token({ grants: [{ role: 'SECRETARY', orgId: 'c1', orgPath: '/p/c1/' }] }))).toEqual([
      { role: 'SECRETARY', orgId: 'c1', orgPath: '/p/c1/' },
    ]);
  });

  it('gives none for no token, a malformed one, or one without grants', () => {
    expect(grantsOf(null)).toEqual([]);
    expect(grantsOf('not-a-token')).toEqual([]);
    expect(grantsOf(token({ sub: 'x' }))).toEqual([]);
  });
});

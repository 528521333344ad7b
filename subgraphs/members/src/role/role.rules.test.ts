import { describe, expect, it } from 'vitest';
import { grantDatesError, grantPathWithin } from './role.rules.ts';

describe('grantPathWithin', () => {
  const memberPath = '/province/ward/cell/';
  it.each([
    ['cell', '/province/ward/cell/'],
    ['ward', '/province/ward/'],
    ['province', '/province/'],
    ['other', null],
    ['war', null],
  ])('organization %s', (orgId, expected) => expect(grantPathWithin(memberPath, orgId)).toBe(expected));
});

describe('grantDatesError', () => {
  it('wants the end after the start', () => {
    expect(grantDatesError('2026-01-01', null)).toBeNull();
    expect(grantDatesError('2026-01-01', '2026-06-01')).toBeNull();
    expect(grantDatesError('2026-01-01', '2026-01-01')?.code).toBe('INVALID_DATES');
  });
});

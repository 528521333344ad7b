import { describe, expect, it } from 'vitest';
import { grantDatesError, grantPathWithin, grantRequestErrors } from './role.rules.ts';

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

describe('grantRequestErrors', () => {
  const official = { membershipKind: 'OFFICIAL', joinedOn: '2010-03-26' };
  const request = { role: 'SECRETARY', orgId: 'c', startsOn: '2026-01-01', endsOn: null };
  const codes = (changes: Partial<typeof request>, holder = official, held: Parameters<typeof grantRequestErrors>[2] = []) =>
    grantRequestErrors({ ...request, ...changes }, holder, held).map((error) => error.code);

  it.each([
    ['a start day given, after joining', {}, []],
    ['no start day: never silently today', { startsOn: null }, ['START_DATE_REQUIRED']],
    ['an empty start day', { startsOn: '' }, ['START_DATE_REQUIRED']],
    ['a start before joining the Party (1990)', { startsOn: '1990-01-01' }, ['START_BEFORE_JOINING']],
    ['an end before the start', { endsOn: '2025-12-31' }, ['INVALID_DATES']],
  ] as const)('%s', (_case, changes, expected) => {
    expect(codes(changes as Partial<typeof request>)).toEqual(expected);
  });

  it('refuses a secretary, deputy or finance role to a probationary member, and allows an administrator’s', () => {
    const probationary = { membershipKind: 'PROBATIONARY', joinedOn: '2025-06-01' };
    for (const role of ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER']) expect(codes({ role }, probationary)).toEqual(['PROBATIONARY_MEMBER']);
    expect(codes({ role: 'ADMIN' }, probationary)).toEqual([]);
  });

  it('refuses the same role on the same organization already in force on those days, not an ended one', () => {
    const held = [{ role: 'SECRETARY', orgId: 'c', startsOn: '2020-01-01', endsOn: null }];
    expect(codes({}, official, held)).toEqual(['DUPLICATE_GRANT']);
    expect(codes({}, official, [{ ...held[0]!, endsOn: '2025-06-01' }])).toEqual([]);
    expect(codes({ orgId: 'w' }, official, held)).toEqual([]);
  });
});

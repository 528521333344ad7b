import { describe, expect, it } from 'vitest';
import { probationEnds, recognitionError } from './recognition.rules.ts';

const probationary = { membershipKind: 'PROBATIONARY', joinedOn: '2025-03-15', activityStatus: 'ACTIVE' } as const;

describe('recognition as an official member', () => {
  it('gives the day twelve months after admission as the official date', () => {
    expect(probationEnds('2025-03-15')).toBe('2026-03-15');
    expect(probationEnds('2024-02-29')).toBe('2025-03-01');
  });

  it.each([
    ['on the day probation ends', probationary, '2026-03-15', null],
    ['after it', probationary, '2026-04-02', null],
    ['a day before it ends', probationary, '2026-03-14', 'PROBATION_NOT_OVER'],
    ['an official member', { ...probationary, membershipKind: 'OFFICIAL' }, '2026-04-02', 'NOT_PROBATIONARY'],
    ['an expelled one', { ...probationary, activityStatus: 'EXPELLED' }, '2026-04-02', 'STATUS_DOES_NOT_ALLOW'],
    ['an exempt one', { ...probationary, activityStatus: 'EXEMPT' }, '2026-04-02', null],
  ] as const)('decided %s: %s', (_label, member, decidedOn, code) => {
    expect(recognitionError(member, decidedOn)?.code ?? null).toBe(code);
  });
});

import { describe, expect, it } from 'vitest';
import { daysUntil, deadlineState, endOfMonth } from './deadline.ts';

describe('deadlineState', () => {
  it.each([
    ['2026-11-30', '2026-11-01', false, 'ok'],
    ['2026-11-30', '2026-11-26', false, 'soon'],
    ['2026-11-30', '2026-11-30', false, 'soon'],
    ['2026-11-30', '2026-12-01', false, 'overdue'],
    ['2026-11-30', '2026-12-10', true, 'done'],
  ] as const)('due %s on %s (done: %s) is %s', (due, today, done, state) => {
    expect(deadlineState(due, today, done)).toBe(state);
  });

  it('counts days left and past', () => {
    expect(daysUntil('2026-11-30', '2026-11-23')).toBe(7);
    expect(daysUntil('2026-11-30', '2026-12-02')).toBe(-2);
  });

  it('knows the last day of a month, February of a leap year too', () => {
    expect(endOfMonth('2026-11-23')).toBe('2026-11-30');
    expect(endOfMonth('2028-02-03')).toBe('2028-02-29');
  });
});

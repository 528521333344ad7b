import { describe, expect, it } from 'vitest';
import { daysUntil, deadlineState, deadlineWords, endOfMonth } from './deadline.ts';

describe('deadlines', () => {
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

  it.each([
    ['2026-11-30', '2026-11-23', false, 'còn 7 ngày'],
    ['2026-11-30', '2026-11-30', false, 'hạn là hôm nay'],
    ['2026-11-30', '2026-12-02', false, 'quá hạn 2 ngày'],
    ['2026-11-30', '2026-12-02', true, 'đã đóng'],
  ] as const)('says in words how a deadline of %s stands on %s (done: %s): %s', (due, today, done, words) => {
    expect(deadlineWords(due, today, done, 'đã đóng')).toBe(words);
  });

  it('knows the last day of a month, February of a leap year too', () => {
    expect(endOfMonth('2026-11-23')).toBe('2026-11-30');
    expect(endOfMonth('2028-02-03')).toBe('2028-02-29');
  });
});

import { describe, expect, it } from 'vitest';
import { vietnamDay, vietnamLastMonth, vietnamTime } from './vietnam-time.ts';

describe('Vietnam’s wall clock', () => {
  it('takes "today" from the clock in Vietnam (UTC+7)', () => {
    expect(vietnamDay(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(vietnamDay(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('reads an instant stamped with any offset as Vietnam’s time of day', () => {
    expect(vietnamTime(new Date('2026-11-30T18:05:00Z'))).toBe('01:05');
    expect(vietnamTime(new Date('2026-12-08T22:10:00+07:00'))).toBe('22:10');
  });
});

describe('vietnamLastMonth', () => {
  it('is the month before Vietnam’s, across the year’s turn and its midnight', () => {
    expect(vietnamLastMonth(new Date('2026-12-02T03:00:00Z'))).toBe('2026-11');
    expect(vietnamLastMonth(new Date('2026-12-31T17:30:00Z'))).toBe('2026-12');
    expect(vietnamLastMonth(new Date('2027-01-15T00:00:00Z'))).toBe('2026-12');
  });
});

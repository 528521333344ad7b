import { describe, expect, it } from 'vitest';
import { vietnamDay } from './calendar.ts';

describe('vietnamDay', () => {
  it('is already tomorrow in Vietnam from 17:00 UTC', () => {
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

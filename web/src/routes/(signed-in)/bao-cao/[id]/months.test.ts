import { describe, expect, it } from 'vitest';
import { addMonths, lastDayOf } from './months.ts';

describe('months', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('ends each month on its own last day, February of a leap year included', () => {
    expect(['2026-11', '2026-12', '2027-02', '2028-02'].map(lastDayOf)).toEqual(['2026-11-30', '2026-12-31', '2027-02-28', '2028-02-29']);
  });
});

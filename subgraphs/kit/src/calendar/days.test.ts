import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isCalendarDay, numericDay, vietnamDay, weekday } from './days.ts';

describe('vietnamDay', () => {
  it('is already tomorrow in Vietnam from 17:00 UTC', () => {
    expect(vietnamDay(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('isCalendarDay', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '1901-01-01'])('accepts %s', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each(['2026-02-29', '2026-02-30', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-2-3', '20260203', '2026-02-03T00:00', ''])(
    'refuses %s',
    (day) => {
      expect(isCalendarDay(day)).toBe(false);
    },
  );
});

describe('day arithmetic', () => {
  it('steps across month, leap-day and year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows the weekday, before 1970 too', () => {
    expect(weekday('2026-02-17')).toBe(2); // Tết Bính Ngọ, a Tuesday
    expect(weekday('2026-01-10')).toBe(6);
    expect(weekday('1945-09-02')).toBe(0);
  });

  it('throws on an impossible day instead of rolling it over', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });
});

describe('numericDay', () => {
  it('writes a day as dd/mm/yyyy, with its leading zeros', () => {
    expect(numericDay('2027-06-01')).toBe('01/06/2027');
  });
});

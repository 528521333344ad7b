import { describe, expect, it } from 'vitest';
import { lastDue } from './jobs/schedule.ts';
import { addMonths, checkedMonth, freezeSchedule, monthEnd, monthFrozenAt, rate } from './reports.ts';

describe('report months', () => {
  it('adds months across the year end', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('freezes month M on day D of M+1 at 00:00 Vietnam time, December in January', () => {
    const { when, args } = freezeSchedule(20);
    const due = lastDue(when, new Date('2027-01-20T03:00:00+07:00'));
    expect(due.toISOString()).toBe('2027-01-19T17:00:00.000Z');
    expect(args(due)).toEqual({ month: '2026-12' });
    expect(monthFrozenAt(new Date('2026-12-19T17:00:00Z'))).toBe('2026-11');
    expect(monthEnd('2026-11').toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('gives a rate no value over an empty denominator', () => {
    expect(rate(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rate(0n, 0n)).toEqual({ numerator: 0n, denominator: 0n, value: null });
  });

  it('refuses a malformed month and one after the month in progress, in Vietnamese', () => {
    const now = new Date('2026-11-30T17:30:00Z'); // 1 December in Vietnam
    expect(checkedMonth('2026-12', now)).toBe('2026-12');
    expect(() => checkedMonth('2027-01', now)).toThrow(/chưa đến/);
    expect(() => checkedMonth('2026-1', now)).toThrow(/không hợp lệ/);
  });
});

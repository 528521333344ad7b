import { describe, expect, it } from 'vitest';
import { daily, describeSchedule, lastDue, monthly, nextDue } from './schedule.ts';

/** An instant written as Vietnam's wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('a daily schedule, in Vietnam time', () => {
  const schedule = daily('02:00');

  it('was last due today once the hour has passed there, yesterday before it', () => {
    expect(lastDue(schedule, vn('2026-12-01T02:00:00'))).toEqual(vn('2026-12-01T02:00:00'));
    expect(lastDue(schedule, vn('2026-12-01T13:30:00'))).toEqual(vn('2026-12-01T02:00:00'));
    expect(lastDue(schedule, vn('2026-12-01T01:59:59'))).toEqual(vn('2026-11-30T02:00:00'));
  });

  it('counts days by Vietnam’s calendar, not UTC’s', () => {
    // 23:30 in Vietnam is still the same day there, though UTC is at 16:30.
    expect(lastDue(daily('23:00'), vn('2026-12-31T23:30:00'))).toEqual(vn('2026-12-31T23:00:00'));
    expect(nextDue(daily('00:30'), vn('2026-12-31T23:30:00'))).toEqual(vn('2027-01-01T00:30:00'));
  });

  it('is next due strictly after now', () => {
    expect(nextDue(schedule, vn('2026-12-01T02:00:00'))).toEqual(vn('2026-12-02T02:00:00'));
    expect(nextDue(schedule, vn('2026-12-01T01:00:00'))).toEqual(vn('2026-12-01T02:00:00'));
  });
});

describe('a monthly schedule, in Vietnam time', () => {
  it('falls due on its day each month, across the year’s end', () => {
    const schedule = monthly(1, '01:00');
    expect(lastDue(schedule, vn('2027-01-01T00:59:00'))).toEqual(vn('2026-12-01T01:00:00'));
    expect(lastDue(schedule, vn('2027-01-01T01:00:00'))).toEqual(vn('2027-01-01T01:00:00'));
    expect(nextDue(schedule, vn('2026-12-15T08:00:00'))).toEqual(vn('2027-01-01T01:00:00'));
  });

  it('falls due on the last day of a month shorter than its day', () => {
    const schedule = monthly(31, '18:00');
    expect(nextDue(schedule, vn('2027-02-10T00:00:00'))).toEqual(vn('2027-02-28T18:00:00'));
    expect(nextDue(schedule, vn('2028-02-10T00:00:00'))).toEqual(vn('2028-02-29T18:00:00'));
    expect(lastDue(schedule, vn('2026-12-30T00:00:00'))).toEqual(vn('2026-11-30T18:00:00'));
  });
});

describe('schedules that cannot be', () => {
  it('refuses a time that is not HH:MM and a day that is not in a month', () => {
    expect(() => daily('2:00')).toThrow('not HH:MM');
    expect(() => daily('24:00')).toThrow('not HH:MM');
    expect(() => monthly(0, '01:00')).toThrow('not 1–31');
    expect(() => monthly(32, '01:00')).toThrow('not 1–31');
  });
});

describe('describeSchedule', () => {
  it('says when in Vietnamese', () => {
    expect(describeSchedule(daily('02:00'))).toBe('hằng ngày lúc 02:00');
    expect(describeSchedule(monthly(5, '07:30'))).toBe('ngày 5 hằng tháng lúc 07:30');
  });
});

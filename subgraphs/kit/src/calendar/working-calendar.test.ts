import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, type CalendarAdjustment } from './working-calendar.ts';

/** The public servants' schedule for 2026 as the data migration ships it (docs/rules/working-days.md). */
const SCHEDULE_2026: CalendarAdjustment[] = [
  { day: '2026-01-02', kind: 'DAY_OFF' },
  { day: '2026-01-10', kind: 'WORKING_DAY' },
  { day: '2026-08-22', kind: 'WORKING_DAY' },
  { day: '2026-08-31', kind: 'DAY_OFF' },
];

const calendar = createWorkingCalendar(SCHEDULE_2026);

describe('isWorkingDay', () => {
  it.each([
    ['2025-12-31', true, 'the last working day of 2025'],
    ['2026-01-01', false, 'New Year'],
    ['2026-01-02', false, 'the Friday swapped off'],
    ['2026-01-10', true, 'the Saturday worked in exchange'],
    ['2026-01-11', false, 'a Sunday'],
    ['2026-02-13', true, 'the Friday before Tết 2026'],
    ['2026-02-16', false, '29 tháng Chạp'],
    ['2026-02-20', false, 'mùng 4'],
    ['2026-02-23', true, 'the Monday after Tết 2026'],
    ['2026-04-27', false, 'the Monday in place of Hùng Kings’ day'],
    ['2026-04-30', false, '30/4'],
    ['2026-05-01', false, '1/5'],
    ['2026-05-04', true, 'the Monday after'],
    ['2026-08-22', true, 'the Saturday worked for 31/8'],
    ['2026-08-31', false, 'the Monday swapped off'],
    ['2026-09-01', false, 'the day beside National Day'],
    ['2026-09-02', false, 'National Day'],
    ['2026-09-03', true, 'the Thursday after'],
    ['2027-02-04', true, 'the Thursday before Tết 2027'],
    ['2027-02-05', false, 'the eve of Tết 2027'],
    ['2027-02-11', false, 'the second compensatory day of Tết 2027'],
    ['2027-02-12', true, 'the Friday after Tết 2027'],
    ['2028-01-24', true, 'the Monday before Tết 2028'],
    ['2028-01-25', false, 'the eve of Tết 2028'],
    ['2028-01-31', false, 'the compensatory Monday of Tết 2028'],
    ['2028-02-01', true, 'the Tuesday after Tết 2028'],
  ])('%s is %s (%s)', (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it('lets a WORKING_DAY adjustment override a holiday of the default rule', () => {
    const moved = createWorkingCalendar([{ day: '2027-02-11', kind: 'WORKING_DAY' }]);
    expect(moved.isWorkingDay('2027-02-11')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-11')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-23', 'across the nine days of Tết 2026'],
    ['2026-02-12', 2, '2026-02-23', 'the Friday before Tết counts'],
    ['2026-01-09', 1, '2026-01-10', 'onto the Saturday worked'],
    ['2026-01-09', 2, '2026-01-12', 'past it'],
    ['2025-12-31', 1, '2026-01-05', 'across the year boundary and the New Year swap'],
    ['2026-04-29', 1, '2026-05-04', 'across 30/4–1/5'],
    ['2026-08-28', 1, '2026-09-03', 'across National Day 2026'],
    ['2026-08-24', 5, '2026-09-03', 'the swapped Monday does not count'],
    ['2027-02-04', 1, '2027-02-12', 'across Tết 2027'],
    ['2027-01-25', 30, '2027-03-15', 'deadline B across Tết 2027'],
    ['2028-01-24', 1, '2028-02-01', 'across Tết 2028'],
    ['2026-07-01', 60, '2026-09-25', 'deadline A over the summer of 2026'],
    ['2026-02-14', 0, '2026-02-14', 'zero days is the day itself, working or not'],
    ['2026-02-23', -1, '2026-02-13', 'backwards across Tết 2026'],
    ['2026-01-12', -1, '2026-01-10', 'backwards onto the Saturday worked'],
    ['2026-01-05', -1, '2025-12-31', 'backwards across the year boundary'],
  ])('%s + %i working days = %s (%s)', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
  });

  it('depends on the adjustments: without 2026’s schedule the swapped Monday is a working day', () => {
    expect(createWorkingCalendar([]).addWorkingDays('2026-08-24', 5)).toBe('2026-08-31');
  });

  it('refuses fractions, impossible days and days past the calendar’s range', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2199-12-30', 5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('1900-06-01')).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-02-13', '2026-02-23', 1, 'the Monday after Tết, not the Friday before'],
    ['2026-02-14', '2026-02-22', 0, 'inside the Tết break'],
    ['2025-12-31', '2026-01-12', 7, 'across the year boundary, with the Saturday worked'],
    ['2026-03-02', '2026-03-02', 0, 'the same day'],
    ['2026-02-23', '2026-02-13', -1, 'backwards: the Friday before Tết, not the Monday after'],
    ['2027-01-01', '2027-12-31', 250, 'a whole year: 261 weekdays, 11 of them holidays'],
  ])('from %s to %s is %i (%s)', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });

  it('undoes addWorkingDays for every count, both ways, over three Tết', () => {
    for (const from of ['2025-12-31', '2026-02-15', '2027-02-06', '2028-01-20']) {
      for (let n = -80; n <= 80; n += 7) {
        expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
      }
    }
  });
});

describe('nextWorkingDay', () => {
  it.each([
    ['2026-02-13', '2026-02-23'],
    ['2026-02-16', '2026-02-23'],
    ['2026-01-09', '2026-01-10'],
    ['2026-03-02', '2026-03-03'],
  ])('after %s is %s', (day, expected) => {
    expect(calendar.nextWorkingDay(day)).toBe(expected);
  });
});

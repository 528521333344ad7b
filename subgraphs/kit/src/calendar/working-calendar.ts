import { addDays, dayNumber, isCalendarDay, weekday, yearOf } from './days.ts';
import { FIRST_YEAR, LAST_YEAR, publicHolidays } from './holidays.rules.ts';

/** One day of the government's yearly schedule that departs from the statutory rule. */
export interface CalendarAdjustment {
  day: string;
  /** DAY_OFF: a day off that would be a working day; WORKING_DAY: a day worked that would be a day off ("làm bù"). */
  kind: 'DAY_OFF' | 'WORKING_DAY';
}

/**
 * Working days of public bodies (docs/rules/working-days.md): Monday to Friday, minus public holidays and
 * DAY_OFF adjustments, plus WORKING_DAY adjustments. Counting moves day by day and counts the days it steps
 * onto, never the day it starts from:
 *
 * - `addWorkingDays(from, n)`, n > 0: the n-th working day after `from` ("60 working days from the effective
 *   date": day 1 is the first working day after it, the result is the last day of the period). n = 0 gives
 *   `from` itself, working day or not. n < 0: the |n|-th working day before `from`.
 * - `workingDaysBetween(from, to)`: the working days in (from, to] when to ≥ from; when to < from, minus the
 *   working days in [to, from). So `workingDaysBetween(from, addWorkingDays(from, n)) === n` for every n.
 * - `nextWorkingDay(day)`: the first working day after `day` (never `day` itself).
 *
 * Days are 'YYYY-MM-DD'; a day that is not a real date, or outside 1901–2199, throws a RangeError.
 */
export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  addWorkingDays(from: string, n: number): string;
  workingDaysBetween(from: string, to: string): number;
  nextWorkingDay(day: string): string;
}

/** The day itself, once it is known to be a real day inside the calendar's range. */
function checked(day: string): string {
  if (!isCalendarDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
  const year = yearOf(day);
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`The calendar covers ${FIRST_YEAR}–${LAST_YEAR}, not ${day}`);
  return day;
}

export function createWorkingCalendar(adjustments: readonly CalendarAdjustment[]): WorkingCalendar {
  const adjusted = new Map(adjustments.map((adjustment) => [adjustment.day, adjustment.kind]));
  const holidaysByYear = new Map<number, Set<string>>();

  function holidays(year: number): Set<string> {
    let days = holidaysByYear.get(year);
    if (!days) {
      days = new Set(publicHolidays(year).map((holiday) => holiday.day));
      holidaysByYear.set(year, days);
    }
    return days;
  }

  /** For a checked day. */
  function working(day: string): boolean {
    const kind = adjusted.get(day);
    if (kind) return kind === 'WORKING_DAY';
    const dow = weekday(day);
    return dow !== 0 && dow !== 6 && !holidays(yearOf(day)).has(day);
  }

  function addWorkingDays(from: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
    const step = Math.sign(n);
    let day = checked(from);
    for (let left = Math.abs(n); left > 0; ) {
      day = checked(addDays(day, step));
      if (working(day)) left--;
    }
    return day;
  }

  function workingDaysBetween(from: string, to: string): number {
    const [start, end] = [dayNumber(checked(from)), dayNumber(checked(to))];
    const sign = end >= start ? 1 : -1;
    let count = 0;
    // Forward: (from, to]. Backward: [to, from), stepping from the day before `from` down to `to`.
    for (let day = addDays(from, sign), n = 0; n < Math.abs(end - start); day = addDays(day, sign), n++) {
      if (working(day)) count++;
    }
    return count === 0 ? 0 : sign * count;
  }

  return {
    isWorkingDay: (day) => working(checked(day)),
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (day) => addWorkingDays(day, 1),
  };
}

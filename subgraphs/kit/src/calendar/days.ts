/**
 * Calendar days as 'YYYY-MM-DD' strings in Vietnam's calendar. Arithmetic runs on day numbers (days since
 * 1970-01-01) through UTC, which has no daylight saving, so a day is always one step.
 */

/** Vietnam keeps UTC+7 all year (no daylight saving): a wall-clock time there is a fixed instant. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (YYYY-MM-DD) it is in Vietnam (UTC+7, no daylight saving) at `instant`. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written YYYY-MM-DD (no 2026-02-30, no 2026-2-3). */
export function isCalendarDay(value: string): boolean {
  // Date.parse rolls 2026-02-30 over to 2026-03-02 instead of refusing it: only a round trip tells.
  const time = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01; throws a RangeError for anything but a real YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`Not a calendar day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (day: string, n: number): string => fromDayNumber(dayNumber(day) + n);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string): number => (((dayNumber(day) + 4) % 7) + 7) % 7;

export const yearOf = (day: string): number => Number(day.slice(0, 4));

/** A day as Vietnamese readers write it, dd/mm/yyyy: on letters, notes and printed requests. */
export const numericDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

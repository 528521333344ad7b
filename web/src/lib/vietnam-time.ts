/**
 * Vietnam keeps UTC+7 all year (Asia/Ho_Chi_Minh has had no daylight saving since 1975), so a fixed offset
 * gives its wall clock; every day and time a person reads is Vietnam's, whatever the server's zone.
 */
const OFFSET_MS = 7 * 3_600_000;

const wallClock = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString();

/** The calendar day in Vietnam at `instant`, as YYYY-MM-DD. */
export function vietnamDay(instant: Date): string {
  return wallClock(instant).slice(0, 10);
}

/** The time of day in Vietnam at `instant`, as HH:MM. */
export function vietnamTime(instant: Date): string {
  return wallClock(instant).slice(11, 16);
}

/** The month before the one in Vietnam at `instant`, as YYYY-MM: the latest month that can be closed. */
export function vietnamLastMonth(instant: Date): string {
  const [year, month] = vietnamDay(instant).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

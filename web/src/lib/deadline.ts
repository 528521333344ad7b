export type DeadlineState = 'done' | 'ok' | 'soon' | 'overdue';

const DAY_MS = 86_400_000;

/** How a deadline stands on `today` (both YYYY-MM-DD): soon within `soonDays` days, overdue after the day itself. */
export function deadlineState(due: string, today: string, done: boolean, soonDays = 5): DeadlineState {
  if (done) return 'done';
  const days = Math.round((Date.parse(due) - Date.parse(today)) / DAY_MS);
  if (days < 0) return 'overdue';
  return days <= soonDays ? 'soon' : 'ok';
}

/** Days left until `due` (negative once past). */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(due) - Date.parse(today)) / DAY_MS);
}

/** Last day of the month of `day`: a month's dues are due by then. */
export function endOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

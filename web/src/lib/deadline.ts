export type DeadlineState = 'done' | 'ok' | 'soon' | 'overdue';

const DAY_MS = 86_400_000;

/** Days left until `due` (negative once past); both YYYY-MM-DD. */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(due) - Date.parse(today)) / DAY_MS);
}

/** How a deadline stands on `today`: soon within `soonDays` days, overdue after the day itself. */
export function deadlineState(due: string, today: string, done: boolean, soonDays = 5): DeadlineState {
  if (done) return 'done';
  const days = daysUntil(due, today);
  if (days < 0) return 'overdue';
  return days <= soonDays ? 'soon' : 'ok';
}

/** The state in words, so that it never rests on colour alone; `doneWords` says what done is ("đã đóng" for dues). */
export function deadlineWords(due: string, today: string, done: boolean, doneWords: string): string {
  const days = daysUntil(due, today);
  if (done) return doneWords;
  if (days < 0) return `quá hạn ${-days} ngày`;
  return days === 0 ? 'hạn là hôm nay' : `còn ${days} ngày`;
}

/** Last day of the month of `day`: a month's dues are due by then. */
export function endOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

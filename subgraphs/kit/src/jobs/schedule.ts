import { VIETNAM_OFFSET_MS } from '../calendar/days.ts';

/** When a scheduled job is due, in Vietnam's time: every day at a time, or every month on a day at a time. */
export type Schedule = { every: 'day'; at: string } | { every: 'month'; day: number; at: string };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function checkedTime(at: string): string {
  if (!TIME.test(at)) throw new Error(`schedule time ${at} is not HH:MM`);
  return at;
}

/** Every day at `at` (HH:MM, Vietnam time). */
export function daily(at: string): Schedule {
  return { every: 'day', at: checkedTime(at) };
}

/** Every month on `day` at `at` (HH:MM, Vietnam time); in a shorter month, on its last day. */
export function monthly(day: number, at: string): Schedule {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error(`day of month ${day} is not 1–31`);
  return { every: 'month', day, at: checkedTime(at) };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * The instant the schedule falls due in the period (day or month) `offset` periods after the one holding
 * Vietnam's calendar day of `instant`. Date.UTC carries day 0 or month -1 over into the period before.
 */
function dueIn(schedule: Schedule, instant: Date, offset: number): Date {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const [hours, minutes] = schedule.at.split(':').map(Number) as [number, number];
  const year = local.getUTCFullYear();
  if (schedule.every === 'day') {
    return new Date(Date.UTC(year, local.getUTCMonth(), local.getUTCDate() + offset, hours, minutes) - VIETNAM_OFFSET_MS);
  }
  const first = new Date(Date.UTC(year, local.getUTCMonth() + offset, 1));
  const day = Math.min(schedule.day, daysInMonth(first.getUTCFullYear(), first.getUTCMonth()));
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day, hours, minutes) - VIETNAM_OFFSET_MS);
}

/** The last time the schedule fell due at or before `now`: the period a run started now belongs to. */
export function lastDue(schedule: Schedule, now: Date): Date {
  const due = dueIn(schedule, now, 0);
  return due <= now ? due : dueIn(schedule, now, -1);
}

/** The next time the schedule falls due, strictly after `now`. */
export function nextDue(schedule: Schedule, now: Date): Date {
  const due = dueIn(schedule, now, 0);
  return due > now ? due : dueIn(schedule, now, 1);
}

/** In Vietnamese, for the job list of the command line. */
export function describeSchedule(schedule: Schedule): string {
  return schedule.every === 'day' ? `hằng ngày lúc ${schedule.at}` : `ngày ${schedule.day} hằng tháng lúc ${schedule.at}`;
}

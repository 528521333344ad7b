import { integer, variable } from './config.ts';
import { monthly } from './jobs/schedule.ts';
import { vietnamDay } from './calendar/days.ts';

/**
 * The day of month M+1 on which month M's figures freeze, at 00:00 Vietnam time (docs/rules/reports.md#frozen-months):
 * the cells' deadline, the 20th, unless configured. Every subgraph freezes on the same day, so a report's parts agree.
 */
export const reportFreezeDayVariable = variable('REPORT_FREEZE_DAY', integer(20, { min: 1, max: 28 }));

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isYearMonth = (value: string) => YEAR_MONTH.test(value);

/** `YYYY-MM` plus `months` (negative: before). */
export function addMonths(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + months, 1)).toISOString().slice(0, 7);
}

/** The month whose figures freeze at a freeze run due at `due`: the month before the one `due` falls in, in Vietnam. */
export const monthFrozenAt = (due: Date) => addMonths(vietnamDay(due).slice(0, 7), -1);

/** A monthly-figures job's schedule and key: month M frozen on day `freezeDay` of M+1 at 00:00. */
export function freezeSchedule(freezeDay: number) {
  return { when: monthly(freezeDay, '00:00'), args: (due: Date) => ({ month: monthFrozenAt(due) }) };
}

/** The instant month M ends (its successor's first day, 00:00 Vietnam time). */
export const monthEnd = (month: string) => new Date(`${addMonths(month, 1)}-01T00:00:00+07:00`);

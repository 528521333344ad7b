import { addDays, weekday } from './days.ts';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

/**
 * The statutory public holidays of a year (Labour Code 2019, art. 112(1)) and the compensatory days the
 * law gives when one falls on a weekly rest day (art. 111(3)), for the Saturday–Sunday week of public
 * bodies. Where the law leaves the choice to the Prime Minister (which days of Tết, which day beside 2/9),
 * this is the default reading of docs/rules/working-days.md; the year's official schedule corrects it
 * through adjustments.
 */

export interface PublicHoliday {
  day: string;
  /** As a person reads it, in Vietnamese. */
  name: string;
  /** A weekday given in place of a holiday that fell on a Saturday or Sunday. */
  compensatory: boolean;
}

/** The calendar's range: the lunar algorithm's, inside four-digit years. */
export const FIRST_YEAR = 1901;
export const LAST_YEAR = 2199;

const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/** 2/9 and the adjacent day the schedules have chosen: the one that joins the weekend, else 1/9. */
function nationalDayAdjacent(year: number): string {
  const nationalDay = `${year}-09-02`;
  // Monday, Thursday, Sunday: 3/9 is the weekday beside the weekend (for Sunday, 1/9 would be a Saturday too).
  return [0, 1, 4].includes(weekday(nationalDay)) ? `${year}-09-03` : `${year}-09-01`;
}

function statutoryHolidays(year: number): Omit<PublicHoliday, 'compensatory'>[] {
  const tet = lunarNewYear(year);
  return [
    { day: `${year}-01-01`, name: 'Tết Dương lịch' },
    // The last day of the old lunar year and the first four of the new one.
    { day: addDays(tet, -1), name: 'Tết Nguyên đán (ngày cuối năm Âm lịch)' },
    ...[1, 2, 3, 4].map((n) => ({ day: addDays(tet, n - 1), name: `Tết Nguyên đán (mùng ${n})` })),
    { day: lunarToSolar(year, 3, 10), name: 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)' },
    { day: `${year}-04-30`, name: 'Ngày Chiến thắng' },
    { day: `${year}-05-01`, name: 'Ngày Quốc tế Lao động' },
    { day: `${year}-09-02`, name: 'Quốc khánh' },
    { day: nationalDayAdjacent(year), name: 'Quốc khánh (ngày liền kề)' },
  ].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Every public holiday of `year`, in day order: the statutory ones, and for each that falls on a Saturday
 * or Sunday the next weekday that is neither a holiday nor already given in compensation.
 */
export function publicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`The calendar covers ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
  }
  const statutory = statutoryHolidays(year);
  const taken = new Set(statutory.map((holiday) => holiday.day));
  const compensatory: PublicHoliday[] = [];
  for (const holiday of statutory.filter((h) => isWeekend(h.day))) {
    let day = addDays(holiday.day, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    compensatory.push({ day, name: `Nghỉ bù ${holiday.name}`, compensatory: true });
  }
  return [...statutory.map((holiday) => ({ ...holiday, compensatory: false })), ...compensatory].sort((a, b) => a.day.localeCompare(b.day));
}

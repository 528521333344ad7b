import { fromDayNumber } from './days.ts';

/**
 * The Vietnamese lunisolar calendar, by Hồ Ngọc Đức's algorithm ("Âm lịch Việt Nam", calrules): months
 * begin on the day of the new moon in Vietnam's time, UTC+7; month 11 is the one holding the winter
 * solstice; a year with 13 months between two months 11 repeats the first month without a major solar
 * term. The astronomy is the short series his algorithm uses (Meeus), good to minutes for 1900–2199.
 * Because months start at UTC+7, a few dates differ from China's calendar (UTC+8): Tết 2030 is 2 February
 * here, 3 February there (docs/rules/working-days.md).
 */

const TIME_ZONE = 7;
/** Julian day number of 1970-01-01, the epoch of days.ts's day numbers. */
const UNIX_EPOCH_JDN = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
const RAD = Math.PI / 180;

/** Day (JDN, local) of the k-th new moon after 1900-01-01. */
function newMoonDay(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M * RAD) +
    0.0021 * Math.sin(2 * RAD * M) -
    0.4068 * Math.sin(Mpr * RAD) +
    0.0161 * Math.sin(RAD * 2 * Mpr) -
    0.0004 * Math.sin(RAD * 3 * Mpr) +
    0.0104 * Math.sin(RAD * 2 * F) -
    0.0051 * Math.sin(RAD * (M + Mpr)) -
    0.0074 * Math.sin(RAD * (M - Mpr)) +
    0.0004 * Math.sin(RAD * (2 * F + M)) -
    0.0004 * Math.sin(RAD * (2 * F - M)) -
    0.0006 * Math.sin(RAD * (2 * F + Mpr)) +
    0.001 * Math.sin(RAD * (2 * F - Mpr)) +
    0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd + correction - deltaT + 0.5 + TIME_ZONE / 24);
}

/** The sun's longitude at the start of local day `jdn`, as a sector of 30° (0 = spring equinox … 11). */
function sunSector(jdn: number): number {
  const T = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M) + (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) + 0.00029 * Math.sin(RAD * 3 * M);
  let L = (L0 + DL) * RAD;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return Math.floor((L / Math.PI) * 6);
}

/** First day (JDN) of month 11 of lunar year `year`: the new moon on or before the winter solstice. */
function month11Start(year: number): number {
  const offset = gregorianJdn(year, 12, 31) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const day = newMoonDay(k);
  return sunSector(day) >= 9 ? newMoonDay(k - 1) : day;
}

/** How many months after month 11 (starting at `a11`) the leap month comes: the first with no new sector. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = sector;
    i++;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== last && i < 14);
  return i - 1;
}

function gregorianJdn(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/**
 * The solar day of lunar day `day` of month `month` (1–12) of lunar year `year`; `leap` for the repeated
 * month of a leap year. Throws a RangeError for a leap month the year does not have.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): string {
  const [a11, b11] = month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = (leapOffset - 2 + 12) % 12 || 12;
    if (leap && month !== leapMonth) throw new RangeError(`Lunar year ${year} has no leap month ${month}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar year ${year} has no leap month`);
  }
  return fromDayNumber(newMoonDay(k + offset) + day - 1 - UNIX_EPOCH_JDN);
}

/** Tết Nguyên đán: day 1 of month 1 of the lunar year that begins in Gregorian year `year`. */
export const lunarNewYear = (year: number): string => lunarToSolar(year, 1, 1);

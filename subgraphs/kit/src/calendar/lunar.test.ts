import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar } from './lunar.ts';

/**
 * Tết (1/1) and Hùng Kings' day (10/3) in Vietnam's lunar calendar. Source and checks
 * (docs/rules/working-days.md#the-lunar-calendar):
 * - every row computed a second time, independently of lunar.ts, from Meeus, "Astronomical Algorithms"
 *   (2nd ed.): the full new-moon series of ch. 49 and the solar longitude of ch. 25, month rules at UTC+7;
 * - the government's notices: Tết 2021 = 12/02 (the holiday ran from 29 tháng Chạp Canh Tý, 10/02), Tết
 *   2026 = 17/02 (Bộ Nội vụ, Thông báo 9441/TB-BNV, 16/10/2025: 16/02 is 29 tháng Chạp Ất Tỵ, 20/02 mùng 4
 *   Bính Ngọ); Hùng Kings' day 2020, 2021, 2022, 2023 and 2026 as those years' notices dated it;
 * - tables that follow China's calendar (UTC+8) agree on every row but 2030, where the new moon falls at
 *   23:07 on 2 February in Vietnam and 00:07 on 3 February in China.
 */
const TET: [number, string][] = [
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
  [2030, '2030-02-02'],
  [2031, '2031-01-23'],
  [2032, '2032-02-11'],
  [2033, '2033-01-31'],
  // After the leap month 11 of Quý Sửu (2033).
  [2034, '2034-02-19'],
  [2035, '2035-02-08'],
];

const HUNG_KINGS: [number, string][] = [
  [2020, '2020-04-02'],
  [2021, '2021-04-21'],
  [2022, '2022-04-10'],
  // After the leap month 2 of Quý Mão.
  [2023, '2023-04-29'],
  [2024, '2024-04-18'],
  [2025, '2025-04-07'],
  [2026, '2026-04-26'],
  [2027, '2027-04-16'],
  [2028, '2028-04-04'],
];

describe('lunarNewYear', () => {
  it.each(TET)('puts Tết %i on %s', (year, day) => {
    expect(lunarNewYear(year)).toBe(day);
  });
});

describe('lunarToSolar', () => {
  it.each(HUNG_KINGS)('puts 10/3 of %i on %s', (year, day) => {
    expect(lunarToSolar(year, 3, 10)).toBe(day);
  });

  it('ends the lunar year on the eve of the next Tết (29 tháng Chạp Ất Tỵ, a short month)', () => {
    expect(lunarToSolar(2025, 12, 29)).toBe('2026-02-16');
    expect(lunarToSolar(2025, 12, 27)).toBe('2026-02-14');
  });

  it('finds the leap month where the year has one, and refuses one it has not', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2033, 11, 1, true)).toBe('2033-12-22');
    expect(() => lunarToSolar(2026, 2, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2023, 3, 1, true)).toThrow(RangeError);
  });
});

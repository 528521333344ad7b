import { describe, expect, it } from 'vitest';
import { publicHolidays } from './holidays.rules.ts';

const days = (year: number) => publicHolidays(year).map((holiday) => `${holiday.day}${holiday.compensatory ? ' bù' : ''}`);

describe('publicHolidays', () => {
  it('gives 2026 the eleven statutory days and a Monday for Hùng Kings’ day on a Sunday', () => {
    expect(days(2026)).toEqual([
      '2026-01-01',
      // Tết Bính Ngọ: 29 tháng Chạp and mùng 1–4, as Thông báo 9441/TB-BNV gave them.
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27 bù',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('gives 2027, whose Tết starts on a Saturday, two compensatory days after mùng 3', () => {
    expect(days(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10 bù',
      '2027-02-11 bù',
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-05-03 bù',
      '2027-09-02',
      '2027-09-03',
    ]);
  });

  it('gives 2028 a compensatory day for New Year, for mùng 4, for 30/4 (past 1/5) and for 2/9', () => {
    expect(days(2028)).toEqual([
      '2028-01-01',
      '2028-01-03 bù',
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
      '2028-01-31 bù',
      '2028-04-04',
      '2028-04-30',
      '2028-05-01',
      '2028-05-02 bù',
      '2028-09-01',
      '2028-09-02',
      '2028-09-04 bù',
    ]);
  });

  it('makes up Hùng Kings’ day and 30/4 after 1/5 when the three run Saturday to Monday, as in 2023', () => {
    expect(days(2023).filter((day) => day >= '2023-04-29' && day <= '2023-05-31')).toEqual([
      '2023-04-29',
      '2023-04-30',
      '2023-05-01',
      '2023-05-02 bù',
      '2023-05-03 bù',
    ]);
  });

  // 2021–2026 as the governments' notices set them; 2029 is the reading for a Sunday.
  it.each([
    [2021, ['2021-09-02', '2021-09-03']],
    [2022, ['2022-09-01', '2022-09-02']],
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04 bù']],
    [2024, ['2024-09-02', '2024-09-03']],
    [2025, ['2025-09-01', '2025-09-02']],
    [2026, ['2026-09-01', '2026-09-02']],
    [2029, ['2029-09-02', '2029-09-03', '2029-09-04 bù']],
  ])('places National Day %i and the day beside it next to the weekend', (year, expected) => {
    expect(days(year).filter((day) => day.startsWith(`${year}-09`))).toEqual(expected);
  });

  it('names each day for a person', () => {
    const [newYear, , tet] = publicHolidays(2026);
    expect(newYear!.name).toBe('Tết Dương lịch');
    expect(tet!.name).toBe('Tết Nguyên đán (mùng 1)');
    expect(publicHolidays(2026).find((holiday) => holiday.compensatory)!.name).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 Âm lịch)');
  });

  it('refuses years outside the calendar’s range', () => {
    expect(() => publicHolidays(1900)).toThrow(RangeError);
    expect(() => publicHolidays(2200)).toThrow(RangeError);
    expect(() => publicHolidays(2026.5)).toThrow(RangeError);
  });
});

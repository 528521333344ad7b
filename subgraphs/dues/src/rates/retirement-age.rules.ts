/**
 * Retirement age by birth cohort (docs/rules/dues-rates.md#retirement-age): the age, in months, that applies to
 * a person who reaches it in a given year, as a dated table; the last row holds for every later year.
 */
export interface RetirementAgeRow {
  sex: 'MALE' | 'FEMALE';
  /** The year of reaching the age from which this row holds (until the next row's year). */
  fromYear: number;
  ageMonths: number;
}

/** Bộ luật Lao động 2019 art. 169 and Nghị định 135/2020/NĐ-CP annex: +3 months a year for men, +4 for women. */
export const RETIREMENT_AGES: readonly RetirementAgeRow[] = [
  { sex: 'MALE', fromYear: 0, ageMonths: 60 * 12 },
  ...[3, 6, 9, 12, 15, 18, 21, 24].map((extra, index) => ({ sex: 'MALE' as const, fromYear: 2021 + index, ageMonths: 60 * 12 + extra })),
  { sex: 'FEMALE', fromYear: 0, ageMonths: 55 * 12 },
  ...Array.from({ length: 15 }, (_, index) => ({ sex: 'FEMALE' as const, fromYear: 2021 + index, ageMonths: 55 * 12 + 4 * (index + 1) })),
];

const monthIndex = (yearMonth: string) => {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return year * 12 + (month - 1);
};
const yearMonthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The month (YYYY-MM) in which a person born on `birthDate` (YYYY-MM-DD) reaches retirement age: the first
 * cohort year whose age, added to the birth month, falls in that same year.
 */
export function retirementMonth(birthDate: string, sex: 'MALE' | 'FEMALE', table: readonly RetirementAgeRow[] = RETIREMENT_AGES): string {
  const rows = table.filter((row) => row.sex === sex).sort((a, b) => a.fromYear - b.fromYear);
  const born = monthIndex(birthDate.slice(0, 7));
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const reached = born + row.ageMonths;
    const year = Math.floor(reached / 12);
    const nextFrom = rows[index + 1]?.fromYear ?? Infinity;
    if (year < nextFrom && (year >= row.fromYear || index === 0)) return yearMonthOf(reached);
  }
  return yearMonthOf(born + rows.at(-1)!.ageMonths);
}

/**
 * Whether the person is past working age for the dues of `month`: from the month after the one in which the
 * age is reached, as retirement takes effect at the end of that month (Nghị định 135/2020/NĐ-CP art. 4).
 */
export function pastRetirementAge(birthDate: string, sex: 'MALE' | 'FEMALE', month: string, table?: readonly RetirementAgeRow[]): boolean {
  return monthIndex(month) > monthIndex(retirementMonth(birthDate, sex, table));
}

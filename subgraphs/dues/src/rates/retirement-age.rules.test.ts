import { describe, expect, it } from 'vitest';
import { pastRetirementAge, retirementMonth } from './retirement-age.rules.ts';

describe('retirementMonth', () => {
  it.each([
    // Men: 60 before 2021, then 60y3m in 2021, three months more a year, 62 from 2028.
    ['1960-05-10', 'MALE', '2020-05'],
    ['1960-12-31', 'MALE', '2020-12'],
    ['1961-01-01', 'MALE', '2021-04'],
    ['1961-09-15', 'MALE', '2021-12'],
    ['1961-10-01', 'MALE', '2022-04'],
    ['1965-10-01', 'MALE', '2027-07'],
    ['1966-03-01', 'MALE', '2027-12'],
    ['1966-04-01', 'MALE', '2028-04'],
    ['1970-06-20', 'MALE', '2032-06'],
    // Women: 55 before 2021, then 55y4m in 2021, four months more a year, 60 from 2035.
    ['1965-12-01', 'FEMALE', '2020-12'],
    ['1966-01-01', 'FEMALE', '2021-05'],
    ['1966-08-01', 'FEMALE', '2021-12'],
    ['1966-09-01', 'FEMALE', '2022-05'],
    ['1975-04-01', 'FEMALE', '2034-12'],
    ['1975-05-01', 'FEMALE', '2035-05'],
    ['1980-03-03', 'FEMALE', '2040-03'],
  ] as const)('born %s, %s: reaches retirement age in %s', (birthDate, sex, month) => {
    expect(retirementMonth(birthDate, sex)).toBe(month);
  });
});

describe('pastRetirementAge', () => {
  it('is false in the month the age is reached and true from the next', () => {
    expect(pastRetirementAge('1966-04-01', 'MALE', '2028-04')).toBe(false);
    expect(pastRetirementAge('1966-04-01', 'MALE', '2028-05')).toBe(true);
    expect(pastRetirementAge('1966-01-01', 'FEMALE', '2021-05')).toBe(false);
    expect(pastRetirementAge('1966-01-01', 'FEMALE', '2021-06')).toBe(true);
  });
});

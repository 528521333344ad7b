import { describe, expect, it } from 'vitest';
import { formatDay, formatDong, formatInstant, formatInstantDay, formatMonth } from './format.ts';

describe('formatting for Vietnamese readers', () => {
  it('writes days as dd/mm/yyyy', () => {
    expect(formatDay('1980-05-17')).toBe('17/05/1980');
    expect(formatDay(null)).toBe('—');
  });

  it('writes the day of an instant as it was in Vietnam, not in UTC', () => {
    expect(formatInstantDay('2026-11-30T18:30:00Z')).toBe('01/12/2026');
    expect(formatInstantDay('2026-11-30T23:59:00+07:00')).toBe('30/11/2026');
    expect(formatInstantDay(null)).toBe('—');
  });

  it('writes an instant as Vietnam’s clock shows it', () => {
    expect(formatInstant('2026-12-08T15:10:00Z')).toBe('22:10 ngày 08/12/2026');
    expect(formatInstant('2026-12-08T22:10:00+07:00')).toBe('22:10 ngày 08/12/2026');
  });

  it('writes months as "tháng m/yyyy"', () => {
    expect(formatMonth('2026-03')).toBe('tháng 3/2026');
  });

  it('writes dong with dots between thousands', () => {
    expect(formatDong('53100')).toBe('53.100 ₫');
    expect(formatDong('1234567')).toBe('1.234.567 ₫');
    expect(formatDong('0')).toBe('0 ₫');
    expect(formatDong('-20000')).toBe('-20.000 ₫');
    expect(formatDong(undefined)).toBe('—');
  });

  it('writes an organization’s total exactly, beyond what a float holds', () => {
    expect(formatDong('9007199254740993')).toBe('9.007.199.254.740.993 ₫');
  });
});

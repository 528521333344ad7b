import { describe, expect, it } from 'vitest';
import { formatDay, formatDong, formatMonth } from './format.ts';

describe('formatting for Vietnamese readers', () => {
  it('writes days as dd/mm/yyyy', () => {
    expect(formatDay('1980-05-17')).toBe('17/05/1980');
    expect(formatDay(null)).toBe('—');
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

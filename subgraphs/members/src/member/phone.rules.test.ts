import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.rules.ts';

describe('normalizePhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(0229) 3871 234', null],
    ['091234567', null],
    ['09123456789', null],
    ['+1 912 345 678', null],
    ['số máy 0912345678', null],
    ['', null],
  ])('reads %j as %j', (typed, expected) => {
    expect(normalizePhone(typed)).toBe(expected);
  });
});

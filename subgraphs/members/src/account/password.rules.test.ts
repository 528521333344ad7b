import { describe, expect, it } from 'vitest';
import { passwordErrors } from './password.rules.ts';

describe('passwordErrors', () => {
  it.each([
    ['Cây đa bến nước sân đình', []],
    ['ngắn', ['PASSWORD_TOO_SHORT']],
    ['0912345678', ['PASSWORD_DIGITS_ONLY']],
    ['aaaaaaaaaaaa', ['PASSWORD_TOO_SIMPLE']],
    ['x037180000111y', ['PASSWORD_CONTAINS_USERNAME']],
    ['MatKhau123', ['PASSWORD_TOO_COMMON']],
    ['a'.repeat(60) + 'bcd'.repeat(30), ['PASSWORD_TOO_LONG']],
  ])('%j', (password, codes) => {
    expect(passwordErrors(password, '037180000111').map((e) => e.code)).toEqual(codes);
  });
});

import type { UserError } from '@dangvu/subgraph-kit';

export const MIN_PASSWORD_LENGTH = 10;

/** Passwords people reach for first; a long passphrase in plain words is welcome, these are not. */
const COMMON = new Set(['1234567890', '0123456789', 'matkhau123', 'password12', 'qwertyuiop', 'abc1234567', '1111111111', 'dangvien123', 'dangcongsan']);

/**
 * A policy an elderly member can live with: long enough (a short sentence will do), not a run of one
 * character, not digits only (a phone number or a date), not the username, not a well-known password.
 */
export function passwordErrors(password: string, username: string): UserError[] {
  const problem = (code: string, message: string): UserError[] => [{ code, field: 'password', message }];
  if (password.length < MIN_PASSWORD_LENGTH) return problem('PASSWORD_TOO_SHORT', `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự; có thể dùng một câu ngắn dễ nhớ.`);
  if (password.length > 128) return problem('PASSWORD_TOO_LONG', 'Mật khẩu dài tối đa 128 ký tự.');
  if (/^\d+$/.test(password)) return problem('PASSWORD_DIGITS_ONLY', 'Mật khẩu không được chỉ gồm chữ số (như số điện thoại hay ngày sinh).');
  if (new Set(password).size < 4) return problem('PASSWORD_TOO_SIMPLE', 'Mật khẩu cần nhiều ký tự khác nhau hơn.');
  if (password.toLowerCase().includes(username.toLowerCase())) return problem('PASSWORD_CONTAINS_USERNAME', 'Mật khẩu không được chứa tên đăng nhập.');
  if (COMMON.has(password.toLowerCase().replace(/\s/g, ''))) return problem('PASSWORD_TOO_COMMON', 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.');
  return [];
}

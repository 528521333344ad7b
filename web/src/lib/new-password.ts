/**
 * What a new password must be, said before the member types one: the members' policy in words
 * (docs/rules/accounts.md#passwords). The API decides; this list only tells.
 */
export const PASSWORD_POLICY = [
  'Dài ít nhất 10 ký tự. Một câu ngắn dễ nhớ, gõ không dấu, là mật khẩu tốt, ví dụ: nha toi co ba cay cau.',
  'Không chỉ gồm chữ số (như số điện thoại hay ngày sinh).',
  'Không chứa tên đăng nhập.',
  'Không dùng mật khẩu quá phổ biến như 1234567890 hay matkhau123.',
] as const;

/** The refusal beside the second password field when the two differ; null when they are the same. */
export function passwordsDiffer(password: string, again: string): string | null {
  return password === again ? null : 'Hai lần nhập mật khẩu chưa giống nhau. Hãy nhập lại cho khớp.';
}

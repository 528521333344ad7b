/**
 * PostgreSQL's data exceptions that only a value it was given can cause: text that is no uuid, number or
 * enum value (22P02), a day or time that does not exist (22007, 22008), a number out of its column's range
 * (22003), text too long for its column (22001), bytes no text can hold (22021). Each means an input reached
 * SQL unchecked: the client is told its input was refused (the statement's transaction is rolled back, so
 * nothing was written) and the missing check is logged, to be written where the input is read.
 */
const MALFORMED_INPUT_CODES = new Set(['22P02', '22007', '22008', '22003', '22001', '22021']);

/** True when `error`, or an error it wraps (drizzle wraps the driver's in `cause`), is one of those. */
export function isMalformedDatabaseInput(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && MALFORMED_INPUT_CODES.has(code)) return true;
    const next = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
  return false;
}

export const MALFORMED_INPUT_MESSAGE = 'Dữ liệu gửi lên không đúng dạng nên không được nhận, và chưa có gì được ghi: đồng chí kiểm tra lại các ô đã nhập.';

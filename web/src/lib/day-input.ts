/**
 * A day typed by hand, dd/mm/yyyy, as Vietnamese write it whatever language the browser speaks (a date
 * widget would follow the browser's and show 12/01/2026 for the first of December to some). Slashes, dots,
 * hyphens or spaces between the parts, or the eight digits alone (a phone's number pad has no slash).
 */
const TYPED_DAY = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$|^(\d{2})(\d{2})(\d{4})$/;

/** What the field tells its user; the example is a day whose day and month cannot be taken for each other. */
export const DAY_INPUT_HINT = 'Ngày/tháng/năm, ví dụ 25/12/2026.';

/** The typed day as YYYY-MM-DD, or null when it is no day of the calendar (31/02, 00/05, 12/13). */
export function parseDayInput(typed: string): string | null {
  const parts = TYPED_DAY.exec(typed.trim());
  if (!parts) return null;
  const [day, month, year] = (parts[1] ? parts.slice(1, 4) : parts.slice(4, 7)).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

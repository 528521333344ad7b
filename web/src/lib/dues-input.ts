/** A month typed as MM/YYYY (or M/YYYY), as YYYY-MM; null when it is not one. */
export function parseMonthInput(typed: string): string | null {
  const month = /^(0?[1-9]|1[0-2])\/(\d{4})$/.exec(typed.trim());
  return month ? `${month[2]}-${month[1]!.padStart(2, '0')}` : null;
}

/** `YYYY-MM` as the month fields show it: MM/YYYY. */
export const monthInputOf = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * Whole dong typed with or without dots or spaces between thousands ("250.000"), as the API's Money string;
 * a leading minus when `signed`. Null when it is not a whole number of dong.
 */
export function parseDongInput(typed: string, { signed = false } = {}): string | null {
  const digits = typed.replace(/[.\s]/g, '');
  return (signed ? /^-?[1-9]\d*$/ : /^[1-9]\d*$/).test(digits) ? digits : null;
}

export const MONTH_INPUT_ERROR = 'Tháng viết theo dạng tháng/năm, ví dụ 02/2026.';
export const DONG_INPUT_ERROR = 'Số tiền viết bằng chữ số, không có phần lẻ, ví dụ 5.310.000.';

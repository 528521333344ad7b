import { vietnamDay, vietnamTime } from './vietnam-time.ts';

/** 1980-05-17 → 17/05/1980, the way dates are written in Vietnam. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** The day of an instant (2026-11-30T18:30:00Z) as Vietnam lives it: 01/12/2026. */
export function formatInstantDay(instant: string | null | undefined): string {
  return instant ? formatDay(vietnamDay(new Date(instant))) : '—';
}

/** An instant as Vietnam's wall clock shows it: "22:10 ngày 08/12/2026". */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '—';
  const at = new Date(instant);
  return `${vietnamTime(at)} ngày ${formatDay(vietnamDay(at))}`;
}

/** 2026-11 → tháng 11/2026. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '—';
  const [year, number] = month.split('-');
  return `tháng ${Number(number)}/${year}`;
}

/**
 * Whole dong with dots between thousands: "53100" → 53.100 ₫. The API's Money is a string of digits, so a
 * total beyond what a float holds exactly is still written right.
 */
export function formatDong(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${digits} ₫`;
}

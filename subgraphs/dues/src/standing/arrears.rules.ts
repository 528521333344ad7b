/**
 * Arrears under Điều lệ Đảng art. 8(2) as ruled (docs/rules/dues-standing.md#three-unpaid-months): the months not
 * paid without an accepted reason, counted cumulatively within the counting window; a warning at two, the cell
 * to consider the member at three.
 */

/** The counting window and thresholds: configuration, since the ruling leaves the window to be set. */
export interface ArrearsRule {
  window: 'CALENDAR_YEAR';
  warnAt: number;
  considerAt: number;
}

export const ARREARS_RULE: ArrearsRule = { window: 'CALENDAR_YEAR', warnAt: 2, considerAt: 3 };

export type ArrearsLevel = 'NONE' | 'WARNING' | 'FOR_CONSIDERATION';

/** Owed and not paid, with no accepted reason: a deferred month has one (an approved delay), a waived month owes nothing. */
const UNPAID = new Set(['DUE', 'OVERDUE', 'REDUCED']);

export interface Arrears {
  /** YYYY-MM, oldest first. */
  unpaidMonths: string[];
  level: ArrearsLevel;
}

/**
 * The member's arrears on `today` (YYYY-MM-DD, Vietnam's day) from their obligations: the months of today's
 * calendar year before today's month that are unpaid. Today's month is not counted: it may be paid until it ends.
 */
export function arrearsOf(obligations: readonly { period: string; status: string }[], today: string, rule: ArrearsRule = ARREARS_RULE): Arrears {
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const monthStart = `${today.slice(0, 7)}-01`;
  const unpaidMonths = obligations
    .filter((o) => o.period >= yearStart && o.period < monthStart && UNPAID.has(o.status))
    .map((o) => o.period.slice(0, 7))
    .sort();
  const level = unpaidMonths.length >= rule.considerAt ? 'FOR_CONSIDERATION' : unpaidMonths.length >= rule.warnAt ? 'WARNING' : 'NONE';
  return { unpaidMonths, level };
}

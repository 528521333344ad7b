import { describe, expect, it } from 'vitest';
import { arrearsOf } from './arrears.rules.ts';

const month = (period: string, status: string) => ({ period: `${period}-01`, status });
const TODAY = '2026-12-02';

describe('arrears in the calendar year', () => {
  it.each([
    ['none unpaid', [month('2026-10', 'PAID_CASH'), month('2026-11', 'PAID_ONLINE')], [], 'NONE'],
    ['one unpaid', [month('2026-10', 'OVERDUE')], ['2026-10'], 'NONE'],
    ['two unpaid, not in a row: a warning', [month('2026-03', 'OVERDUE'), month('2026-04', 'PAID_CASH'), month('2026-09', 'DUE')], ['2026-03', '2026-09'], 'WARNING'],
    ['three unpaid, a reduced one among them: for the cell to consider', [month('2026-01', 'OVERDUE'), month('2026-05', 'REDUCED'), month('2026-11', 'DUE')], ['2026-01', '2026-05', '2026-11'], 'FOR_CONSIDERATION'],
    ['deferred and waived months, which have a reason or owe nothing', [month('2026-02', 'DEFERRED'), month('2026-03', 'WAIVED'), month('2026-04', 'OVERDUE')], ['2026-04'], 'NONE'],
    ['last year’s months, outside the window', [month('2025-11', 'OVERDUE'), month('2025-12', 'OVERDUE'), month('2026-01', 'OVERDUE')], ['2026-01'], 'NONE'],
    ['this month, which may be paid until it ends', [month('2026-11', 'OVERDUE'), month('2026-12', 'DUE')], ['2026-11'], 'NONE'],
  ])('%s', (_what, obligations, unpaidMonths, level) => {
    expect(arrearsOf(obligations, TODAY)).toEqual({ unpaidMonths, level });
  });

  it('follows the thresholds of the configuration', () => {
    const obligations = [month('2026-01', 'OVERDUE'), month('2026-02', 'OVERDUE')];
    expect(arrearsOf(obligations, TODAY, { window: 'CALENDAR_YEAR', warnAt: 1, considerAt: 2 }).level).toBe('FOR_CONSIDERATION');
  });
});

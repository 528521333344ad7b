import { describe, expect, it } from 'vitest';
import { DEFAULT_DUE_DAYS, reportDueOn, reportingLevel, reportState, submitError } from './monthly-report.rules.ts';

describe('monthly report deadlines', () => {
  it('gives cells the 20th and communes the 25th of the month after, across the year end', () => {
    expect(reportDueOn('2026-11', 'cell', DEFAULT_DUE_DAYS)).toBe('2026-12-20');
    expect(reportDueOn('2026-12', 'commune', DEFAULT_DUE_DAYS)).toBe('2027-01-25');
    expect(reportingLevel('SUBORDINATE_CELL')).toBe('cell');
    expect(reportingLevel('PROVINCE_SUBORDINATE')).toBe('commune');
    expect(reportingLevel('PROVINCIAL')).toBeNull();
  });

  it.each([
    [null, '2026-12-19', 'PENDING'],
    [null, '2026-12-20', 'OVERDUE'],
    [{ late: false }, '2026-12-25', 'SUBMITTED'],
    [{ late: true }, '2026-12-25', 'SUBMITTED_LATE'],
  ] as const)('a report %j on %s is %s', (report, today, state) => {
    expect(reportState(report, '2026-12-20', today)).toBe(state);
  });

  it('refuses a month not ended, a malformed month, a province and a dissolved cell', () => {
    const cell = { type: 'GRASSROOTS_CELL' as const, dissolvedOn: null };
    expect(submitError(cell, '2026-12', '2026-12-31')?.code).toBe('MONTH_NOT_ENDED');
    expect(submitError(cell, '2026-11', '2026-12-01')).toBeNull();
    expect(submitError(cell, '2026-13', '2026-12-01')?.code).toBe('INVALID_MONTH');
    expect(submitError({ type: 'PROVINCIAL', dissolvedOn: null }, '2026-11', '2026-12-01')?.code).toBe('NOT_A_REPORTING_ORGANIZATION');
    expect(submitError({ ...cell, dissolvedOn: '2026-10-01' }, '2026-11', '2026-12-01')?.code).toBe('ALREADY_DISSOLVED');
  });
});

import { createWorkingCalendar } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { nextDeadline, presentDueOn, startDueOn, type DossierClock } from './deadlines.rules.ts';

/** The 2026 schedule as it ships (docs/rules/working-days.md#the-yearly-schedule-adjustments): New Year's bridge and its Saturday made up. */
const calendar = createWorkingCalendar([
  { day: '2026-01-02', kind: 'DAY_OFF' },
  { day: '2026-01-10', kind: 'WORKING_DAY' },
  { day: '2026-08-22', kind: 'WORKING_DAY' },
  { day: '2026-08-31', kind: 'DAY_OFF' },
]);

const clock = (overrides: Partial<DossierClock>): DossierClock => ({
  state: 'DRAFT',
  effectiveOn: '2026-01-15',
  lastStepOn: '2026-01-15',
  letterIssuedOn: null,
  endsOn: null,
  ...overrides,
});

describe('deadline A: 60 working days from the decision’s effective day', () => {
  it('steps over the nine days of Tết Bính Ngọ 2026', () => {
    // Without Tết's five weekdays (16–20/02) it would end on 09/04.
    expect(startDueOn(calendar, '2026-01-15')).toBe('2026-04-16');
  });

  it('counts the Saturday worked in place of 02/01/2026 and not 02/01 itself', () => {
    expect(startDueOn(calendar, '2025-12-29')).toBe('2026-03-31');
  });
});

describe('deadline B: 30 working days from the letter’s date', () => {
  it('steps over Tết 2026', () => {
    expect(presentDueOn(calendar, '2026-02-06')).toBe('2026-03-27');
  });

  it('steps over Tết Đinh Mùi 2027, by the statutory rule while no schedule is entered', () => {
    // 05/02 (29 tháng Chạp) to 11/02/2027 are off; 10 working days from Friday 29/01 end on Friday 19/02.
    expect(calendar.addWorkingDays('2027-01-29', 10)).toBe('2027-02-19');
    expect(presentDueOn(calendar, '2027-01-29')).toBe('2027-03-19');
  });

  it('counts a swapped Saturday as a working day', () => {
    expect(calendar.addWorkingDays('2026-01-05', 5)).toBe('2026-01-10');
    expect(presentDueOn(calendar, '2026-01-05')).toBe('2026-02-13');
  });
});

describe('nextDeadline', () => {
  it('is deadline A while the request is with the member, with the working days left', () => {
    expect(nextDeadline(clock({}), calendar, '2026-02-13', 10)).toEqual({ kind: 'START', dueOn: '2026-04-16', overdue: false, workingDaysLeft: 39 });
    expect(nextDeadline(clock({ state: 'RETURNED_FOR_COMPLETION' }), calendar, '2026-04-17', 10)).toMatchObject({ overdue: true, workingDaysLeft: -1 });
  });

  it('is the processing time while an organization holds the dossier, counted from the last step', () => {
    // 10 working days from Friday 13/02/2026 end on Friday 06/03, past Tết.
    expect(nextDeadline(clock({ state: 'SUBMITTED', lastStepOn: '2026-02-13' }), calendar, '2026-02-23', 10)).toEqual({
      kind: 'PROCESSING',
      dueOn: '2026-03-06',
      overdue: false,
      workingDaysLeft: 9,
    });
  });

  it('is deadline B from the letter’s date until the dossier is received, overdue from the day after', () => {
    const out = clock({ state: 'IN_TRANSIT', letterIssuedOn: '2026-02-06' });
    expect(nextDeadline(out, calendar, '2026-03-27', 10)).toMatchObject({ kind: 'PRESENT_LETTER', dueOn: '2026-03-27', overdue: false, workingDaysLeft: 0 });
    expect(nextDeadline({ ...out, state: 'OVERDUE' }, calendar, '2026-03-30', 10)).toMatchObject({ overdue: true, workingDaysLeft: -1 });
  });

  it('is the planned end of a temporary activity', () => {
    expect(nextDeadline(clock({ state: 'EXTENDED', endsOn: '2026-12-31' }), calendar, '2026-12-30', 10)).toMatchObject({ kind: 'TEMPORARY_END', dueOn: '2026-12-31', overdue: false });
  });

  it('is none once the dossier is closed', () => {
    for (const state of ['COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED'] as const) expect(nextDeadline(clock({ state }), calendar, '2026-02-13', 10)).toBeNull();
  });
});

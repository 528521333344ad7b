import type { WorkingCalendar } from '@dangvu/subgraph-kit';
import type { TransferState } from './transfer.machine.ts';

/** Deadline A: the transfer starts within 60 working days of the decision's effective day (docs/rules/transfers.md#deadlines). */
export const START_WORKING_DAYS = 60;
/** Deadline B: the member presents the letter within 30 working days of its date. */
export const PRESENT_WORKING_DAYS = 30;

/** How long one organization may hold a dossier before its superior's inbox shows it, unless configured (docs/rules/transfers.md#escalation). */
export const DEFAULT_ESCALATION_WORKING_DAYS = 10;

/**
 * START: deadline A, while the request is with the member. PROCESSING: how long one organization may keep the
 * dossier before its superior sees it (docs/rules/transfers.md#escalation). PRESENT_LETTER: deadline B.
 * TEMPORARY_END: the planned end of a temporary activity.
 */
export type DeadlineKind = 'START' | 'PROCESSING' | 'PRESENT_LETTER' | 'TEMPORARY_END';

export interface Deadline {
  kind: DeadlineKind;
  dueOn: string;
  /** The due day has passed (the due day itself is still in time). */
  overdue: boolean;
  /** Working days from today to the due day; negative once it has passed (docs/rules/working-days.md#counting-working-days). */
  workingDaysLeft: number;
}

/** What the clocks of one dossier run from. */
export interface DossierClock {
  state: TransferState;
  effectiveOn: string;
  /** The day of the last step (Vietnam's calendar). */
  lastStepOn: string;
  /** The current letter's date, once issued. */
  letterIssuedOn: string | null;
  /** A temporary transfer's planned end. */
  endsOn: string | null;
}

export const startDueOn = (calendar: WorkingCalendar, effectiveOn: string) => calendar.addWorkingDays(effectiveOn, START_WORKING_DAYS);
export const presentDueOn = (calendar: WorkingCalendar, letterIssuedOn: string) => calendar.addWorkingDays(letterIssuedOn, PRESENT_WORKING_DAYS);

const WAITING_ON_MEMBER: readonly TransferState[] = ['DRAFT', 'RETURNED_FOR_COMPLETION'];
const PROCESSING: readonly TransferState[] = ['SUBMITTED', 'REVIEWED', 'RECEIVED'];
const LETTER_OUT: readonly TransferState[] = ['LETTER_ISSUED', 'IN_TRANSIT', 'OVERDUE'];
const HOSTED: readonly TransferState[] = ['HOSTED', 'EXTENDED'];

/** The one deadline a dossier is now working against, or null once it is closed. */
export function nextDeadline(clock: DossierClock, calendar: WorkingCalendar, today: string, processingWorkingDays: number): Deadline | null {
  const due = dueOf(clock, calendar, processingWorkingDays);
  if (!due) return null;
  return { ...due, overdue: today > due.dueOn, workingDaysLeft: calendar.workingDaysBetween(today, due.dueOn) };
}

function dueOf(clock: DossierClock, calendar: WorkingCalendar, processingWorkingDays: number): { kind: DeadlineKind; dueOn: string } | null {
  if (WAITING_ON_MEMBER.includes(clock.state)) return { kind: 'START', dueOn: startDueOn(calendar, clock.effectiveOn) };
  if (PROCESSING.includes(clock.state)) return { kind: 'PROCESSING', dueOn: calendar.addWorkingDays(clock.lastStepOn, processingWorkingDays) };
  if (LETTER_OUT.includes(clock.state) && clock.letterIssuedOn) return { kind: 'PRESENT_LETTER', dueOn: presentDueOn(calendar, clock.letterIssuedOn) };
  if (HOSTED.includes(clock.state) && clock.endsOn) return { kind: 'TEMPORARY_END', dueOn: clock.endsOn };
  return null;
}

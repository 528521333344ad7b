import {
  appError,
  auditor,
  FIRST_YEAR,
  LAST_YEAR,
  type AuditLog,
  type CachedWorkingCalendar,
  type CalendarAdjustmentRow,
  type CalendarRepository,
  type RequestContext,
  type Store,
  type UserError,
  type WorkingCalendar,
} from '@dangvu/subgraph-kit';
import { policy, rootAdminGrants } from '../policy.ts';
import { adjustmentErrors, type AdjustmentInput } from './calendar.rules.ts';

export interface CalendarRepos {
  calendar: CalendarRepository;
  audit: AuditLog;
}

export interface AdjustmentPayload {
  adjustment: CalendarAdjustmentRow | null;
  userErrors: UserError[];
}

/** Bounds on what one question may ask, so that no request walks the calendar for long. */
const MAX_DAYS = 1000;
const MAX_SPAN_DAYS = 36_525;

const refused = (...userErrors: UserError[]): AdjustmentPayload => ({ adjustment: null, userErrors });

/** The calendar's RangeError (a day outside 1901–2199 reached while counting) as the client's mistake. */
function counting<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw appError('BAD_USER_INPUT', `Lịch chỉ tính các ngày từ năm ${FIRST_YEAR} đến năm ${LAST_YEAR}.`);
    throw error;
  }
}

const daysApart = (from: string, to: string) => Math.abs(Date.parse(to) - Date.parse(from)) / 86_400_000;

/**
 * The working-day calendar for partners and the web, and the yearly schedule's upkeep
 * (docs/rules/working-days.md). Reads use the process's cached calendar; a change is written with its audit
 * entry in one transaction and then seen by this process at once.
 */
export function calendarService(store: Store<CalendarRepos>, cache: CachedWorkingCalendar, context: RequestContext) {
  const audit = auditor(context);
  const calendar = (): Promise<WorkingCalendar> => cache.get();

  function assertManager() {
    policy.assert(context.identity, 'MANAGE_CALENDAR', undefined);
    return rootAdminGrants(context.identity)[0]!.orgPath;
  }

  return {
    async addWorkingDays(from: string, days: number): Promise<string> {
      if (Math.abs(days) > MAX_DAYS) throw appError('BAD_USER_INPUT', `Số ngày làm việc phải trong khoảng từ -${MAX_DAYS} đến ${MAX_DAYS}.`);
      const working = await calendar();
      return counting(() => working.addWorkingDays(from, days));
    },

    async workingDaysBetween(from: string, to: string): Promise<number> {
      if (daysApart(from, to) > MAX_SPAN_DAYS) throw appError('BAD_USER_INPUT', 'Khoảng cách giữa hai ngày không được quá 100 năm.');
      const working = await calendar();
      return counting(() => working.workingDaysBetween(from, to));
    },

    adjustmentsOfYear(year: number): Promise<CalendarAdjustmentRow[]> {
      if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
        throw appError('BAD_USER_INPUT', `Lịch chỉ tính các năm từ ${FIRST_YEAR} đến ${LAST_YEAR}.`);
      }
      return store.repos.calendar.ofYear(year);
    },

    async set(input: AdjustmentInput): Promise<AdjustmentPayload> {
      const orgPath = assertManager();
      const errors = adjustmentErrors(input);
      if (errors.length > 0) return refused(...errors);
      const payload = await store.transaction(async ({ calendar, audit: log }) => {
        const before = await calendar.get(input.day);
        const after = await calendar.put({ day: input.day, kind: input.kind, note: input.note.trim(), source: input.source.trim(), setBy: context.identity.personId });
        await audit(log, { action: 'calendarAdjustment.set', entityType: 'CalendarAdjustment', entityId: input.day, before, after, orgPath });
        return { adjustment: after, userErrors: [] };
      });
      cache.invalidate();
      return payload;
    },

    async remove(day: string): Promise<AdjustmentPayload> {
      const orgPath = assertManager();
      const payload = await store.transaction(async ({ calendar, audit: log }) => {
        const removed = await calendar.remove(day);
        if (!removed) return refused({ code: 'NO_ADJUSTMENT', field: 'day', message: 'Ngày này không có điều chỉnh nào để xoá.' });
        await audit(log, { action: 'calendarAdjustment.removed', entityType: 'CalendarAdjustment', entityId: day, before: removed, after: null, orgPath });
        return { adjustment: removed, userErrors: [] };
      });
      cache.invalidate();
      return payload;
    },
  };
}

export type CalendarService = ReturnType<typeof calendarService>;

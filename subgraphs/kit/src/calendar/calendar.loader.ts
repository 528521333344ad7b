import { createWorkingCalendar, type CalendarAdjustment, type WorkingCalendar } from './working-calendar.ts';

export interface CachedWorkingCalendar {
  /** The calendar over the adjustments as read at most `ttlMs` ago. */
  get(): Promise<WorkingCalendar>;
  /** Drops the cached read: the process's next `get` sees its own write at once. */
  invalidate(): void;
}

/**
 * One working calendar per process, read again after `ttlMs` (five minutes by default): the adjustments
 * change a few times a year, so another process sees an administrator's change within that time. A failed
 * read is not kept.
 */
export function cachedWorkingCalendar(
  read: () => Promise<readonly CalendarAdjustment[]>,
  { ttlMs = 5 * 60_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {},
): CachedWorkingCalendar {
  let cached: { readAt: number; calendar: Promise<WorkingCalendar> } | null = null;
  return {
    get() {
      if (!cached || now() - cached.readAt >= ttlMs) {
        const calendar = read().then(createWorkingCalendar);
        const entry = { readAt: now(), calendar };
        cached = entry;
        calendar.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.calendar;
    },
    invalidate() {
      cached = null;
    },
  };
}

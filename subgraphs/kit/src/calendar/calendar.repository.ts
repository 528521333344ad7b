import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '../store.ts';

const { calendarAdjustments } = tables;

export type CalendarAdjustmentRow = typeof calendarAdjustments.$inferSelect;
export type NewCalendarAdjustment = Pick<CalendarAdjustmentRow, 'day' | 'kind' | 'note' | 'source' | 'setBy'>;

/** The yearly schedule's adjustments (calendar.adjustments), one row per day. */
export function calendarRepository(executor: Executor) {
  return {
    all: () => executor.select().from(calendarAdjustments).orderBy(asc(calendarAdjustments.day)),

    ofYear: (year: number) =>
      executor
        .select()
        .from(calendarAdjustments)
        .where(and(gte(calendarAdjustments.day, `${year}-01-01`), lt(calendarAdjustments.day, `${year + 1}-01-01`)))
        .orderBy(asc(calendarAdjustments.day)),

    async get(day: string): Promise<CalendarAdjustmentRow | null> {
      const [row] = await executor.select().from(calendarAdjustments).where(eq(calendarAdjustments.day, day));
      return row ?? null;
    },

    /** Sets the day's adjustment, replacing the one it had. */
    async put(adjustment: NewCalendarAdjustment): Promise<CalendarAdjustmentRow> {
      const [row] = await executor
        .insert(calendarAdjustments)
        .values(adjustment)
        .onConflictDoUpdate({
          target: calendarAdjustments.day,
          set: { kind: adjustment.kind, note: adjustment.note, source: adjustment.source, setBy: adjustment.setBy, setAt: new Date() },
        })
        .returning();
      return row!;
    },

    async remove(day: string): Promise<CalendarAdjustmentRow | null> {
      const [row] = await executor.delete(calendarAdjustments).where(eq(calendarAdjustments.day, day)).returning();
      return row ?? null;
    },
  };
}

export type CalendarRepository = ReturnType<typeof calendarRepository>;

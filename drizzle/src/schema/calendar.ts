import { date, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarSchema = pgSchema('calendar');

export const calendarAdjustmentKind = calendarSchema.enum('adjustment_kind', ['DAY_OFF', 'WORKING_DAY']);

/**
 * The government's yearly schedule for public servants, as an administrator enters it: extra days off
 * (compensatory days, bridges around Tết) and weekend days worked in exchange. Statutory holidays are
 * computed, not stored (docs/rules/working-days.md).
 */
export const calendarAdjustments = calendarSchema.table('adjustments', {
  day: date({ mode: 'string' }).primaryKey(),
  kind: calendarAdjustmentKind().notNull(),
  /** What the day is, as a person reads it: "Nghỉ bù Tết Nguyên đán", "Làm bù cho ngày 02/01". */
  note: text().notNull(),
  /** The document that decided it (e.g. the Ministry of Home Affairs' notice for the year). */
  source: text().notNull(),
  setBy: uuid('set_by'),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

export { addDays, isCalendarDay, numericDay, vietnamDay, weekday } from './days.ts';
export { lunarNewYear, lunarToSolar } from './lunar.ts';
export { FIRST_YEAR, LAST_YEAR, publicHolidays, type PublicHoliday } from './holidays.rules.ts';
export { createWorkingCalendar, type CalendarAdjustment, type WorkingCalendar } from './working-calendar.ts';
export { cachedWorkingCalendar, type CachedWorkingCalendar } from './calendar.loader.ts';
export { calendarRepository, type CalendarAdjustmentRow, type CalendarRepository, type NewCalendarAdjustment } from './calendar.repository.ts';

import { FIRST_YEAR, LAST_YEAR, publicHolidays, weekday, type UserError } from '@dangvu/subgraph-kit';

export interface AdjustmentInput {
  day: string;
  kind: 'DAY_OFF' | 'WORKING_DAY';
  note: string;
  source: string;
}

const NOTE_MAX = 200;
const SOURCE_MAX = 300;

const inRange = (day: string) => Number(day.slice(0, 4)) >= FIRST_YEAR && Number(day.slice(0, 4)) <= LAST_YEAR;

/**
 * Why an adjustment cannot be entered, judged against the statutory rule alone (not against other
 * adjustments, and not against the day's own earlier one, which the new one replaces): a DAY_OFF must fall
 * on a day the rule makes a working day, a WORKING_DAY on a day the rule makes a day off
 * (docs/rules/working-days.md#the-yearly-schedule-adjustments).
 */
export function adjustmentErrors(input: AdjustmentInput): UserError[] {
  if (!inRange(input.day)) {
    return [{ code: 'OUT_OF_RANGE', field: 'day', message: `Lịch chỉ tính các ngày từ năm ${FIRST_YEAR} đến năm ${LAST_YEAR}.` }];
  }
  const errors: UserError[] = [];
  const dow = weekday(input.day);
  const holiday = publicHolidays(Number(input.day.slice(0, 4))).find((h) => h.day === input.day);
  const weekend = dow === 0 || dow === 6;
  if (input.kind === 'DAY_OFF' && (weekend || holiday)) {
    errors.push({
      code: 'ALREADY_DAY_OFF',
      field: 'day',
      message: holiday
        ? `Ngày này đã là ngày nghỉ theo quy định (${holiday.name}).`
        : `Ngày này là ${dow === 0 ? 'Chủ nhật' : 'thứ Bảy'}, vốn đã là ngày nghỉ hằng tuần.`,
    });
  }
  if (input.kind === 'WORKING_DAY' && !weekend && !holiday) {
    errors.push({ code: 'ALREADY_WORKING_DAY', field: 'day', message: 'Ngày này đã là ngày làm việc; chỉ ghi làm bù vào ngày nghỉ hằng tuần hoặc ngày lễ.' });
  }
  errors.push(...textErrors('note', input.note, NOTE_MAX, 'NOTE_REQUIRED', 'Cần ghi ngày này là ngày gì, ví dụ "Làm bù cho thứ Sáu 02/01/2026".'));
  errors.push(...textErrors('source', input.source, SOURCE_MAX, 'SOURCE_REQUIRED', 'Cần ghi văn bản quyết định ngày này, ví dụ "Bộ Nội vụ, Thông báo 9441/TB-BNV ngày 16/10/2025".'));
  return errors;
}

function textErrors(field: string, value: string, max: number, requiredCode: string, requiredMessage: string): UserError[] {
  const text = value.trim();
  if (text === '') return [{ code: requiredCode, field, message: requiredMessage }];
  if (text.length > max) return [{ code: 'TOO_LONG', field, message: `Nội dung dài quá ${max} ký tự.` }];
  return [];
}

import { describe, expect, it } from 'vitest';
import { adjustmentErrors, type AdjustmentInput } from './calendar.rules.ts';

const input = (day: string, kind: AdjustmentInput['kind'], note = 'Ghi chú', source = 'Thông báo của Bộ Nội vụ'): AdjustmentInput => ({ day, kind, note, source });
const codes = (value: AdjustmentInput) => adjustmentErrors(value).map((error) => error.code);

describe('adjustmentErrors', () => {
  it.each([
    ['a DAY_OFF on a weekday', input('2026-01-02', 'DAY_OFF'), []],
    ['a WORKING_DAY on a Saturday', input('2026-01-10', 'WORKING_DAY'), []],
    ['a WORKING_DAY on a default day of Tết the schedule moved', input('2027-02-11', 'WORKING_DAY'), []],
    ['a DAY_OFF on a Saturday', input('2026-08-29', 'DAY_OFF'), ['ALREADY_DAY_OFF']],
    ['a DAY_OFF on a Sunday', input('2026-08-30', 'DAY_OFF'), ['ALREADY_DAY_OFF']],
    ['a DAY_OFF on National Day', input('2026-09-02', 'DAY_OFF'), ['ALREADY_DAY_OFF']],
    ['a DAY_OFF on a compensatory day', input('2026-04-27', 'DAY_OFF'), ['ALREADY_DAY_OFF']],
    ['a WORKING_DAY on a working Tuesday', input('2026-03-03', 'WORKING_DAY'), ['ALREADY_WORKING_DAY']],
    ['an empty note', input('2026-01-02', 'DAY_OFF', '  '), ['NOTE_REQUIRED']],
    ['an empty source', input('2026-01-02', 'DAY_OFF', 'Ghi chú', ''), ['SOURCE_REQUIRED']],
    ['a note too long', input('2026-01-02', 'DAY_OFF', 'x'.repeat(201)), ['TOO_LONG']],
    ['a day past 2199', input('2200-01-01', 'DAY_OFF'), ['OUT_OF_RANGE']],
  ])('%s gives %j', (_what, value, expected) => {
    expect(codes(value)).toEqual(expected);
  });

  it('says why, in Vietnamese', () => {
    expect(adjustmentErrors(input('2026-08-29', 'DAY_OFF'))[0]!.message).toBe('Ngày này là thứ Bảy, vốn đã là ngày nghỉ hằng tuần.');
    expect(adjustmentErrors(input('2026-09-02', 'DAY_OFF'))[0]!.message).toBe('Ngày này đã là ngày nghỉ theo quy định (Quốc khánh).');
  });
});

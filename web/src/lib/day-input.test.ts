import { describe, expect, it } from 'vitest';
import { parseDayInput } from './day-input.ts';

describe('a day typed as Vietnamese write it', () => {
  it.each([
    ['01/02/2026', '2026-02-01'],
    ['1/2/2026', '2026-02-01'],
    [' 25.12.2026 ', '2026-12-25'],
    ['25-12-2026', '2026-12-25'],
    ['25 12 2026', '2026-12-25'],
    ['25122026', '2026-12-25'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s, the day first', (typed, day) => {
    expect(parseDayInput(typed)).toBe(day);
  });

  it.each(['31/02/2026', '29/02/2026', '00/05/2026', '12/13/2026', '2026-12-25', '25/12/26', '', 'hôm nay', '01/01/0999'])('refuses %j', (typed) => {
    expect(parseDayInput(typed)).toBeNull();
  });
});

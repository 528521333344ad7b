import { describe, expect, it } from 'vitest';
import { monthInputOf, parseDongInput, parseMonthInput } from './dues-input.ts';

describe('dues form inputs', () => {
  it.each([
    ['02/2026', '2026-02'],
    ['2/2026', '2026-02'],
    [' 12/2026 ', '2026-12'],
    ['13/2026', null],
    ['2026-02', null],
  ])('reads the month %s as %s', (typed, month) => expect(parseMonthInput(typed)).toBe(month));

  it.each([
    ['250.000', {}, '250000'],
    ['250 000', {}, '250000'],
    ['-5.000', { signed: true }, '-5000'],
    ['-5.000', {}, null],
    ['0', {}, null],
    ['12,5', {}, null],
    ['', {}, null],
  ])('reads %s dong (%o) as %s', (typed, options, amount) => expect(parseDongInput(typed, options)).toBe(amount));

  it('shows a month as it is typed', () => expect(monthInputOf('2026-02')).toBe('02/2026'));
});

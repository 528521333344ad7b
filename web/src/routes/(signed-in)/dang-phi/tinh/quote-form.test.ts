import { describe, expect, it } from 'vitest';
import { parseQuoteForm } from './quote-form.ts';

const form = { situation: 'PENSION', basis: '', wageRegion: '', month: '02/2026' };

describe('parseQuoteForm', () => {
  it.each([
    [{ basis: '7.200.100' }, { situation: 'PENSION', basis: '7200100', wageRegion: null, month: '2026-02' }],
    [{ basis: '7 200 100', month: '2/2026' }, { situation: 'PENSION', basis: '7200100', wageRegion: null, month: '2026-02' }],
    [{ situation: 'STUDENT', month: ' 12/2025 ' }, { situation: 'STUDENT', basis: null, wageRegion: null, month: '2025-12' }],
    [{ situation: 'NO_INCOME_RETIREMENT_AGE', wageRegion: 'REGION_III' }, { situation: 'NO_INCOME_RETIREMENT_AGE', basis: null, wageRegion: 'REGION_III', month: '2026-02' }],
  ])('reads %o', (overrides, input) => {
    expect(parseQuoteForm({ ...form, ...overrides })).toEqual({ input, errors: {} });
  });

  it.each([
    [{ situation: '' }, 'situation'],
    [{ situation: 'SOMETHING' }, 'situation'],
    [{ month: '13/2026' }, 'month'],
    [{ month: '2026-02' }, 'month'],
    [{ basis: '5.310.000,5' }, 'basis'],
    [{ basis: '-100' }, 'basis'],
    [{ basis: '0' }, 'basis'],
  ])('refuses %o on %s, in Vietnamese', (overrides, field) => {
    const parsed = parseQuoteForm({ ...form, ...overrides });
    expect(parsed.input).toBeNull();
    expect(Object.keys(parsed.errors)).toEqual([field]);
  });
});

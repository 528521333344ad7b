import { describe, expect, it } from 'vitest';
import { cachedWorkingCalendar } from './calendar.loader.ts';
import type { CalendarAdjustment } from './working-calendar.ts';

function source() {
  const state = { adjustments: [] as CalendarAdjustment[], reads: 0, fail: false };
  const read = async () => {
    state.reads++;
    if (state.fail) throw new Error('database down');
    return [...state.adjustments];
  };
  return { state, read };
}

describe('cachedWorkingCalendar', () => {
  it('reads the adjustments once for the whole cache lifetime, then again', async () => {
    const { state, read } = source();
    let clock = 0;
    const cache = cachedWorkingCalendar(read, { ttlMs: 1_000, now: () => clock });
    expect((await cache.get()).isWorkingDay('2026-08-31')).toBe(true);
    state.adjustments.push({ day: '2026-08-31', kind: 'DAY_OFF' });
    clock = 999;
    expect((await cache.get()).isWorkingDay('2026-08-31')).toBe(true);
    clock = 1_000;
    expect((await cache.get()).isWorkingDay('2026-08-31')).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('sees its own process’s change at once after invalidate', async () => {
    const { state, read } = source();
    const cache = cachedWorkingCalendar(read, { now: () => 0 });
    await cache.get();
    state.adjustments.push({ day: '2026-08-22', kind: 'WORKING_DAY' });
    cache.invalidate();
    expect((await cache.get()).isWorkingDay('2026-08-22')).toBe(true);
  });

  it('shares one read between concurrent callers and keeps no failed read', async () => {
    const { state, read } = source();
    const cache = cachedWorkingCalendar(read, { now: () => 0 });
    state.fail = true;
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow('database down');
    expect(state.reads).toBe(1);
    state.fail = false;
    await expect(cache.get()).resolves.toBeDefined();
    expect(state.reads).toBe(2);
  });
});

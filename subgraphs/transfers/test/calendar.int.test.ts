import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Identity } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', transfersSubgraph);
});
afterAll(() => subgraph?.stop());

const root = `/${randomUUID()}/`;
const ward = `${root}${randomUUID()}/`;
const rootAdmin = personWith(randomUUID(), 'ADMIN', root);
const callers: Record<string, Identity> = {
  member: personWith(randomUUID()),
  'ward administrator': personWith(randomUUID(), 'ADMIN', ward),
  'root secretary': personWith(randomUUID(), 'SECRETARY', root),
  partner: { personId: null, grants: [], partner: { clientId: randomUUID(), scopes: ['organizations:read'] } },
};
const anonymous: Identity = { personId: null, grants: [], partner: null };

const ADD = 'query ($from: Date!, $days: Int!) { addWorkingDays(from: $from, days: $days) }';
const BETWEEN = 'query ($from: Date!, $to: Date!) { workingDaysBetween(from: $from, to: $to) }';
const ADJUSTMENTS = 'query ($year: Int!) { calendarAdjustments(year: $year) { day kind note source setAt } }';
const SET = `mutation ($input: SetCalendarAdjustmentInput!) { setCalendarAdjustment(input: $input) {
  adjustment { day kind note source setAt } userErrors { code field message } } }`;
const REMOVE = `mutation ($input: RemoveCalendarAdjustmentInput!) { removeCalendarAdjustment(input: $input) {
  adjustment { day kind } userErrors { code field message } } }`;

const add = async (from: string, days: number, as: Identity = callers.member!) => subgraph.call(ADD, { from, days }, as);
const dayOff = (day: string, note = 'Nghỉ thêm dịp Tết Nguyên đán') => ({ day, kind: 'DAY_OFF', note, source: 'Bộ Nội vụ, Thông báo thử nghiệm' });
const codes = (answer: { errors?: { extensions?: { code?: string } }[] }) => answer.errors?.map((error) => error.extensions?.code);

describe('the working-day calendar through the transfers subgraph', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-23'],
    ['2026-08-28', 1, '2026-09-03'],
    ['2026-07-01', 60, '2026-09-25'],
    ['2027-02-04', 1, '2027-02-12'],
    ['2026-02-23', -1, '2026-02-13'],
  ])('counts %s + %i working days as %s, with the 2026 schedule the migration ships', async (from, days, expected) => {
    const { data, errors } = await add(from, days);
    expect(errors).toBeUndefined();
    expect(data!.addWorkingDays).toBe(expected);
  });

  it('counts the working days between two days, and back', async () => {
    const forward = await subgraph.call(BETWEEN, { from: '2025-12-31', to: '2026-01-12' }, callers.member);
    const back = await subgraph.call(BETWEEN, { from: '2026-02-23', to: '2026-02-13' }, callers.partner);
    expect([forward.data!.workingDaysBetween, back.data!.workingDaysBetween]).toEqual([7, -1]);
  });

  it('lists the shipped 2026 schedule with its sources, and nothing for 2027', async () => {
    const { data, errors } = await subgraph.call(ADJUSTMENTS, { year: 2026 }, callers.partner);
    expect(errors).toBeUndefined();
    expect(data!.calendarAdjustments.map((a: { day: string; kind: string }) => [a.day, a.kind])).toEqual([
      ['2026-01-02', 'DAY_OFF'],
      ['2026-01-10', 'WORKING_DAY'],
      ['2026-08-22', 'WORKING_DAY'],
      ['2026-08-31', 'DAY_OFF'],
    ]);
    expect(data!.calendarAdjustments[0]).toMatchObject({
      note: 'Nghỉ Tết Dương lịch (hoán đổi với thứ Bảy 10/01/2026)',
      source: 'Văn phòng Chính phủ, Công văn 12729/VPCP-KGVX ngày 25/12/2025',
      setAt: expect.stringMatching(/\+07:00$/),
    });
    expect((await subgraph.call(ADJUSTMENTS, { year: 2027 }, callers.member)).data!.calendarAdjustments).toEqual([]);
  });

  it.each([
    ['more than 1000 days', ADD, { from: '2026-01-05', days: 1001 }],
    ['counting past 2199', ADD, { from: '2199-12-30', days: 5 }],
    ['an impossible day', ADD, { from: '2026-02-30', days: 1 }],
    ['a span over a hundred years', BETWEEN, { from: '1901-01-01', to: '2026-01-01' }],
    ['a year outside the calendar', ADJUSTMENTS, { year: 1800 }],
  ])('refuses %s as BAD_USER_INPUT', async (_what, query, variables) => {
    expect(codes(await subgraph.call(query, variables, callers.member))).toEqual(['BAD_USER_INPUT']);
  });

  it('answers no one who is not signed in', async () => {
    for (const query of [ADD, BETWEEN, ADJUSTMENTS]) {
      const answer = await subgraph.call(query, { from: '2026-01-05', to: '2026-01-06', days: 1, year: 2026 }, anonymous);
      expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('setCalendarAdjustment and removeCalendarAdjustment', () => {
  it('lets a root administrator add a bridge day, which counts at once and is audited, then remove it', async () => {
    const set = await subgraph.call(SET, { input: dayOff('2027-02-04') }, rootAdmin);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setCalendarAdjustment).toMatchObject({ adjustment: { day: '2027-02-04', kind: 'DAY_OFF' }, userErrors: [] });
    expect((await add('2027-02-03', 1)).data!.addWorkingDays).toBe('2027-02-12');

    const removed = await subgraph.call(REMOVE, { input: { day: '2027-02-04' } }, rootAdmin);
    expect(removed.data!.removeCalendarAdjustment).toEqual({ adjustment: { day: '2027-02-04', kind: 'DAY_OFF' }, userErrors: [] });
    expect((await add('2027-02-03', 1)).data!.addWorkingDays).toBe('2027-02-04');

    const entries = await subgraph.db.db
      .select()
      .from(tables.auditEntries)
      .where(and(eq(tables.auditEntries.entityType, 'CalendarAdjustment'), eq(tables.auditEntries.entityId, '2027-02-04')))
      .orderBy(tables.auditEntries.id);
    expect(entries.map((entry) => [entry.action, entry.actorId, entry.orgPath])).toEqual([
      ['calendarAdjustment.set', rootAdmin.personId, root],
      ['calendarAdjustment.removed', rootAdmin.personId, root],
    ]);
    expect(entries[1]!.before).toMatchObject({ day: '2027-02-04', kind: 'DAY_OFF' });
  });

  it('replaces the day’s earlier adjustment and records what it was', async () => {
    await subgraph.call(SET, { input: dayOff('2027-03-01', 'Nghỉ thử') }, rootAdmin);
    const again = await subgraph.call(SET, { input: dayOff('2027-03-01', 'Nghỉ bù') }, rootAdmin);
    expect(again.data!.setCalendarAdjustment.adjustment.note).toBe('Nghỉ bù');
    const [last] = await subgraph.db.db
      .select()
      .from(tables.auditEntries)
      .where(eq(tables.auditEntries.entityId, '2027-03-01'))
      .orderBy(tables.auditEntries.id)
      .then((rows) => rows.slice(-1));
    expect([last!.before, last!.after]).toMatchObject([{ note: 'Nghỉ thử' }, { note: 'Nghỉ bù' }]);
  });

  it.each([
    ['a day off on a Saturday', { ...dayOff('2027-02-13') }, 'ALREADY_DAY_OFF'],
    ['a day off on 30/4', { ...dayOff('2027-04-30') }, 'ALREADY_DAY_OFF'],
    ['a working day on a Tuesday', { ...dayOff('2027-03-02'), kind: 'WORKING_DAY' }, 'ALREADY_WORKING_DAY'],
    ['no source', { ...dayOff('2027-03-03'), source: ' ' }, 'SOURCE_REQUIRED'],
  ])('refuses %s with a userError and writes nothing', async (_what, input, code) => {
    const { data, errors } = await subgraph.call(SET, { input }, rootAdmin);
    expect(errors).toBeUndefined();
    expect(data!.setCalendarAdjustment.adjustment).toBeNull();
    expect(data!.setCalendarAdjustment.userErrors.map((e: { code: string }) => e.code)).toEqual([code]);
    const rows = await subgraph.db.db.select().from(tables.calendarAdjustments).where(eq(tables.calendarAdjustments.day, input.day));
    expect(rows).toEqual([]);
  });

  it('says so when there is nothing to remove', async () => {
    const { data } = await subgraph.call(REMOVE, { input: { day: '2027-03-04' } }, rootAdmin);
    expect(data!.removeCalendarAdjustment.userErrors).toEqual([{ code: 'NO_ADJUSTMENT', field: 'day', message: 'Ngày này không có điều chỉnh nào để xoá.' }]);
  });

  it.each([...Object.entries(callers), ['anonymous', anonymous] as const])('refuses the %s, and writes nothing', async (_who, caller) => {
    const set = await subgraph.call(SET, { input: dayOff('2027-03-05') }, caller);
    const removed = await subgraph.call(REMOVE, { input: { day: '2026-08-31' } }, caller);
    const refusal = caller === anonymous ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    expect([codes(set), codes(removed)]).toEqual([[refusal], [refusal]]);
    const rows = await subgraph.db.db.select().from(tables.calendarAdjustments);
    expect(rows.map((row) => row.day)).not.toContain('2027-03-05');
    expect(rows.map((row) => row.day)).toContain('2026-08-31');
  });
});

import DataLoader from 'dataloader';
import { integer, variable } from './config.ts';
import { appError } from './errors.ts';
import { defineJob } from './jobs/job.ts';
import type { Executor } from './store.ts';
import { monthly } from './jobs/schedule.ts';
import { vietnamDay } from './calendar/days.ts';

/**
 * The day of month M+1 on which month M's figures freeze, at 00:00 Vietnam time (docs/rules/reports.md#frozen-months):
 * the cells' deadline, the 20th, unless configured. Every subgraph freezes on the same day, so a report's parts agree.
 */
export const reportFreezeDayVariable = variable('REPORT_FREEZE_DAY', integer(20, { min: 1, max: 28 }));

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const isYearMonth = (value: string) => YEAR_MONTH.test(value);

/** `YYYY-MM` plus `months` (negative: before). */
export function addMonths(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + months, 1)).toISOString().slice(0, 7);
}

/** The month whose figures freeze at a freeze run due at `due`: the month before the one `due` falls in, in Vietnam. */
export const monthFrozenAt = (due: Date) => addMonths(vietnamDay(due).slice(0, 7), -1);

/** A monthly-figures job's schedule and key: month M frozen on day `freezeDay` of M+1 at 00:00. */
export function freezeSchedule(freezeDay: number) {
  return { when: monthly(freezeDay, '00:00'), args: (due: Date) => ({ month: monthFrozenAt(due) }) };
}

/** The instant month M ends (its successor's first day, 00:00 Vietnam time). */
export const monthEnd = (month: string) => new Date(`${addMonths(month, 1)}-01T00:00:00+07:00`);

/** A share with its parts (docs/rules/reports.md#rates): no value over an empty denominator, rather than 0% or 100%. */
export function rate<N extends number | bigint>(numerator: N, denominator: N) {
  return { numerator, denominator, value: Number(denominator) === 0 ? null : Number(numerator) / Number(denominator) };
}

/** A month in a report's reach: `YYYY-MM`, not after the month in progress in Vietnam; else BAD_USER_INPUT. */
export function checkedMonth(month: string, now: Date): string {
  if (!isYearMonth(month)) throw appError('BAD_USER_INPUT', `Tháng ${month} không hợp lệ: hãy nhập theo dạng YYYY-MM.`);
  if (month > vietnamDay(now).slice(0, 7)) throw appError('BAD_USER_INPUT', `Tháng ${month} chưa đến: chưa có số liệu.`);
  return month;
}

/** How the month's figures were read: frozen at the deadline, or computed now. */
export interface FigureState {
  month: string;
  frozen: boolean;
  frozenAt: Date | null;
  definition: number;
}

/** What a subgraph's monthly figures are read from: its frozen table and its live statement, on paths of organizations. */
export interface FiguresSource<Row extends { orgPath: string }> {
  frozenMonths(months: readonly string[]): Promise<Set<string>>;
  frozen(month: string, paths: readonly string[]): Promise<(Row & { frozenAt: Date; definition: number })[]>;
  live(month: string, paths: readonly string[], now: Date): Promise<Row[]>;
  /** Writes the month's rows for every organization, once; returns how many it wrote. */
  freeze(month: string, now: Date): Promise<number>;
}

/**
 * Per request, keyed `month|path`: one statement per month asked for the whole batch (a report asks for an
 * organization, its children and the month before), reading frozen rows once the month is frozen
 * (docs/rules/reports.md#frozen-months). An organization without a row has zeros (`empty`), frozen or not.
 */
export function monthlyFiguresLoader<Row extends { orgPath: string }>(source: FiguresSource<Row>, empty: (path: string) => Row, definition: number, now: () => Date) {
  return new DataLoader<string, Row & FigureState>(async (keys) => {
    const byMonth = Map.groupBy(
      keys.map((key) => key.split('|') as [string, string]),
      ([month]) => month,
    );
    const frozenMonths = await source.frozenMonths([...byMonth.keys()]);
    const answers = new Map<string, Row & FigureState>();
    for (const [month, pairs] of byMonth) {
      const paths = [...new Set(pairs.map(([, path]) => path))];
      const frozen = frozenMonths.has(month);
      const rows = new Map<string, Row & Partial<FigureState>>((frozen ? await source.frozen(month, paths) : await source.live(month, paths, now())).map((row) => [row.orgPath, row]));
      for (const path of paths) {
        const row = rows.get(path);
        answers.set(`${month}|${path}`, { ...(row ?? empty(path)), orgPath: path, month, frozen, frozenAt: row?.frozenAt ?? null, definition: row?.definition ?? definition });
      }
    }
    return keys.map((key) => answers.get(key)!);
  });
}

/**
 * The job that freezes a subgraph's month M (docs/rules/reports.md#frozen-months) on day `freezeDay` of M+1 at
 * 00:00 Vietnam time: one step, one transaction (the whole tree or none of it), keyed by the month so a
 * finished month is never run again; a frozen row is never rewritten. Refuses a month that has not ended.
 */
export function monthlyFiguresJob<Repos>(options: {
  name: string;
  description: string;
  repositories(executor: Executor): Repos;
  figures(repos: Repos): Pick<FiguresSource<{ orgPath: string }>, 'freeze'>;
  freezeDay: number;
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  return defineJob<{ month: string }, null, Repos>({
    name: options.name,
    description: options.description,
    keyOf: ({ month }) => month,
    argsOf(key) {
      if (!isYearMonth(key)) throw new Error(`${key} is not a month (YYYY-MM)`);
      return { month: key };
    },
    repositories: options.repositories,
    async step({ args, repos }) {
      if (now() < monthEnd(args.month)) throw new Error(`month ${args.month} has not ended; its figures cannot be frozen yet`);
      return { processed: await options.figures(repos).freeze(args.month, now()), finished: true };
    },
    schedule: freezeSchedule(options.freezeDay),
  });
}

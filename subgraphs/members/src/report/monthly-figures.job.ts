import { defineJob, freezeSchedule, isYearMonth, monthEnd, type Executor } from '@dangvu/subgraph-kit';
import { repositories, type Repositories } from '../repositories.ts';

/**
 * Freezes month M's members figures for every organization (docs/rules/reports.md#frozen-months), on day
 * `freezeDay` of M+1 at 00:00 Vietnam time. One step, one transaction: the whole tree is frozen or none of it.
 * Keyed by the month, so a finished month is never run again, and a row already frozen is never rewritten.
 * Refuses a month that has not ended.
 */
export function monthlyFiguresJob({ freezeDay, now = () => new Date() }: { freezeDay: number; now?: () => Date }) {
  return defineJob<{ month: string }, null, Repositories>({
    name: 'members.monthly-figures',
    description: 'Chốt số liệu báo cáo tháng về đảng viên, tài khoản và nhận xét nơi cư trú',
    keyOf: ({ month }) => month,
    argsOf(key) {
      if (!isYearMonth(key)) throw new Error(`${key} is not a month (YYYY-MM)`);
      return { month: key };
    },
    repositories: (executor: Executor) => repositories(executor),
    async step({ args, repos }) {
      if (now() < monthEnd(args.month)) throw new Error(`month ${args.month} has not ended; its figures cannot be frozen yet`);
      return { processed: await repos.memberFigures.freeze(args.month, now()), finished: true };
    },
    schedule: freezeSchedule(freezeDay),
  });
}

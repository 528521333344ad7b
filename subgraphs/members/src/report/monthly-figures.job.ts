import { monthlyFiguresJob } from '@dangvu/subgraph-kit';
import { repositories } from '../repositories.ts';

/** Freezes month M's members figures for every organization (docs/rules/reports.md#frozen-months). */
export const membersMonthlyFiguresJob = ({ freezeDay, now }: { freezeDay: number; now?: () => Date }) =>
  monthlyFiguresJob({
    name: 'members.monthly-figures',
    description: 'Chốt số liệu báo cáo tháng về đảng viên, tài khoản và nhận xét nơi cư trú',
    repositories,
    figures: (repos) => repos.memberFigures,
    freezeDay,
    now,
  });

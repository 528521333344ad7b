import { monthlyFiguresJob } from '@dangvu/subgraph-kit';
import { repositories } from '../repositories.ts';

/** Freezes month M's dues figures for every organization (docs/rules/reports.md#frozen-months). */
export const duesMonthlyFiguresJob = ({ freezeDay, now }: { freezeDay: number; now?: () => Date }) =>
  monthlyFiguresJob({ name: 'dues.monthly-figures', description: 'Chốt số liệu báo cáo tháng về đảng phí', repositories, figures: (repos) => repos.duesFigures, freezeDay, now });

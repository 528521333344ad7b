import { monthlyFiguresJob } from '@dangvu/subgraph-kit';
import { repositories } from '../repositories.ts';

/** Freezes month M's transfer figures for every organization (docs/rules/reports.md#frozen-months). */
export const transfersMonthlyFiguresJob = ({ freezeDay, now }: { freezeDay: number; now?: () => Date }) =>
  monthlyFiguresJob({ name: 'transfers.monthly-figures', description: 'Chốt số liệu báo cáo tháng về chuyển sinh hoạt đảng', repositories, figures: (repos) => repos.transferFigures, freezeDay, now });

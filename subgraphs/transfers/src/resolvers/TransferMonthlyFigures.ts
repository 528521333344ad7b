import { rate } from '@dangvu/subgraph-kit';
import type { TransferMonthlyFiguresResolvers } from '../generated/resolvers.ts';
import type { MonthlyFiguresOfTransfers } from '../report/transfer-figures.loaders.ts';

const procedure = (figures: MonthlyFiguresOfTransfers, kind: 'official' | 'temporary') => ({
  received: figures[`${kind}Received`],
  completed: figures[`${kind}Completed`],
  onTime: rate(figures[`${kind}OnTime`], figures[`${kind}Completed`]),
  overdue: figures[`${kind}Overdue`],
  online: rate(figures[`${kind}CompletedOnline`], figures[`${kind}Completed`]),
});

export const TransferMonthlyFigures: TransferMonthlyFiguresResolvers = {
  official: (figures) => procedure(figures, 'official'),
  temporary: (figures) => procedure(figures, 'temporary'),
};

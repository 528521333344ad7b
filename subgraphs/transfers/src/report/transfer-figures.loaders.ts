import { monthlyFiguresLoader, type FigureState } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import { TRANSFER_FIGURES_DEFINITION, type TransferFiguresRow } from './transfer-figures.repository.ts';

/** A month's transfer figures as the report shows them (docs/rules/reports.md#transfer-figures). */
export type MonthlyFiguresOfTransfers = TransferFiguresRow & FigureState;

const empty = (orgPath: string): TransferFiguresRow => ({
  orgPath,
  officialReceived: 0,
  officialCompleted: 0,
  officialOnTime: 0,
  officialOverdue: 0,
  officialCompletedOnline: 0,
  temporaryReceived: 0,
  temporaryCompleted: 0,
  temporaryOnTime: 0,
  temporaryOverdue: 0,
  temporaryCompletedOnline: 0,
});

/** Per request, keyed `month|path`. */
export const transferFiguresLoader = (repos: Pick<Repositories, 'transferFigures'>, now: () => Date) =>
  monthlyFiguresLoader(repos.transferFigures, empty, TRANSFER_FIGURES_DEFINITION, now);

export type TransferFiguresLoader = ReturnType<typeof transferFiguresLoader>;

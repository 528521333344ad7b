import { monthlyFiguresLoader, type FigureState } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import { DUES_FIGURES_DEFINITION, type DuesFiguresRow } from './dues-figures.repository.ts';

/** A month's dues figures as the report shows them (docs/rules/reports.md#dues-figures). */
export type MonthlyFiguresOfDues = DuesFiguresRow & FigureState;

const empty = (orgPath: string): DuesFiguresRow => ({
  orgPath,
  obligations: 0,
  expected: 0n,
  collectedOnline: 0n,
  collectedCash: 0n,
  collectedPrepaid: 0n,
  settled: 0,
  membersTwoUnpaid: 0,
  membersThreeUnpaid: 0,
});

/** Per request, keyed `month|path`. */
export const duesFiguresLoader = (repos: Pick<Repositories, 'duesFigures'>, now: () => Date) =>
  monthlyFiguresLoader(repos.duesFigures, empty, DUES_FIGURES_DEFINITION, now);

export type DuesFiguresLoader = ReturnType<typeof duesFiguresLoader>;

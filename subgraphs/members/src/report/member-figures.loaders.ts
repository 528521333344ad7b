import { monthlyFiguresLoader, type FigureState } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import { MEMBER_FIGURES_DEFINITION, type MemberFiguresRow } from './member-figures.repository.ts';

/** A month's members figures as the report shows them (docs/rules/reports.md#member-figures). */
export type MonthlyFiguresOfMembers = MemberFiguresRow & FigureState;

const empty = (path: string): MemberFiguresRow => ({
  orgPath: path,
  members: 0,
  inScope: 0,
  outExempt: 0,
  outAbroad: 0,
  outOrganizationExcluded: 0,
  outNotYetOnline: 0,
  accountsIssued: 0,
  accountsActivated: 0,
  accountsUsed30Days: 0,
  commentsRequested: 0,
  commentsAnswered: 0,
  commentsOverdue: 0,
  organizations: 0,
  secretaryAccounts: 0,
  deputyAccounts: 0,
  financeAccounts: 0,
});

/** Per request, keyed `month|path`. */
export const memberFiguresLoader = (repos: Pick<Repositories, 'memberFigures'>, now: () => Date) =>
  monthlyFiguresLoader(repos.memberFigures, empty, MEMBER_FIGURES_DEFINITION, now);

export type MemberFiguresLoader = ReturnType<typeof memberFiguresLoader>;

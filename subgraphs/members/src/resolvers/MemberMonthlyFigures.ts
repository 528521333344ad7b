import type { MemberMonthlyFiguresResolvers } from '../generated/resolvers.ts';
import { rate } from '@dangvu/subgraph-kit';

export const MemberMonthlyFigures: MemberMonthlyFiguresResolvers = {
  outOfScope: (figures) => [
    { reason: 'EXEMPT', count: figures.outExempt },
    { reason: 'ABROAD', count: figures.outAbroad },
    { reason: 'ORGANIZATION_EXCLUDED', count: figures.outOrganizationExcluded },
    { reason: 'NOT_YET_ONLINE', count: figures.outNotYetOnline },
  ],
  accountsIssued: (figures) => rate(figures.accountsIssued, figures.inScope),
  accountsActivated: (figures) => rate(figures.accountsActivated, figures.inScope),
  accountsUsed30Days: (figures) => rate(figures.accountsUsed30Days, figures.inScope),
  secretaryAccounts: (figures) => rate(figures.secretaryAccounts, figures.organizations),
  deputySecretaryAccounts: (figures) => rate(figures.deputyAccounts, figures.organizations),
  financeMemberAccounts: (figures) => rate(figures.financeAccounts, figures.organizations),
};

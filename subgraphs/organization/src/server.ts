import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { DateScalar, DateTimeScalar, YearMonthScalar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import { bankAccountService } from './bank-account/bank-account.service.ts';
import type { OrganizationContext } from './context.ts';
import { memberCountsConsumer } from './organization/member-counts.consumer.ts';
import { organizationLoaders } from './organization/organization.loaders.ts';
import { organizationReadService } from './organization/organization-read.service.ts';
import { organizationService } from './organization/organization.service.ts';
import { rules } from './permissions.ts';
import { DEFAULT_DUE_DAYS, type ReportDueDays } from './report/monthly-report.rules.ts';
import { monthlyReportService } from './report/monthly-report.service.ts';
import { organizationStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface OrganizationDeps {
  /** The monthly reports' deadlines (REPORT_CELL_DUE_DAY, REPORT_COMMUNE_DUE_DAY). */
  reportDueDays?: ReportDueDays;
  /** The reports' clock; a test moves it. */
  now?: () => Date;
}

export function organizationSubgraph({ db }: DbHandle, { reportDueDays = DEFAULT_DUE_DAYS, now = () => new Date() }: OrganizationDeps = {}): SubgraphDefinition<OrganizationContext> {
  const store = organizationStore(db);
  return {
    name: 'organization',
    typeDefs,
    resolvers: { ...resolvers, Date: DateScalar, DateTime: DateTimeScalar, YearMonth: YearMonthScalar } as SubgraphDefinition<OrganizationContext>['resolvers'],
    rules,
    consumers: [memberCountsConsumer],
    context: (base) => {
      const loaders = organizationLoaders(store.repos);
      return {
        ...base,
        loaders,
        reads: organizationReadService(store, loaders, base.identity),
        tree: organizationService(store, base),
        bankAccounts: bankAccountService(store, base),
        reports: monthlyReportService(store, base, { dueDays: reportDueDays, now }),
      };
    },
  };
}

import type { RequestContext } from '@dangvu/subgraph-kit';
import type { BankAccountService } from './bank-account/bank-account.service.ts';
import type { OrganizationLoaders } from './organization/organization.loaders.ts';
import type { OrganizationReadService } from './organization/organization-read.service.ts';
import type { OrganizationService } from './organization/organization.service.ts';
import type { MonthlyReportService } from './report/monthly-report.service.ts';

/** The organization subgraph's per-request context: the verified caller, loaders, and the services resolvers call. */
export interface OrganizationContext extends RequestContext {
  loaders: OrganizationLoaders;
  reads: OrganizationReadService;
  tree: OrganizationService;
  bankAccounts: BankAccountService;
  reports: MonthlyReportService;
}

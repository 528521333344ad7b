import { subgraphCodegen } from '@dangvu/subgraph-kit/codegen';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
export default subgraphCodegen({
  context: '../context.ts#OrganizationContext',
  scalars: { Date: 'string', YearMonth: 'string', DateTime: 'Date' },
  mappers: {
    Organization: '../organization/as-of.ts#OrganizationAsOf',
    OrganizationVersion: '../organization/organization.repository.ts#OrganizationVersionRow',
    OrganizationViewerCan: '../policy.ts#OrganizationSubject',
    BankAccount: '../bank-account/bank-account.repository.ts#BankAccountRow',
    Rollout: '../organization/organization-read.service.ts#RolloutPlace',
    MonthlyReport: '../report/monthly-report.repository.ts#MonthlyReportRow',
    SubordinateReport: '../report/monthly-report.service.ts#SubordinateReportModel',
  },
});

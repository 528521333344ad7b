import { isPerson } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';
import { policy, type OrganizationSubject } from './policy.ts';

/**
 * The tree itself (names, kinds, parents, history) is not personal data: any signed-in person may read it, and
 * a partner system granted `organizations:read`; an organization's dues account is what its members pay into.
 */
const readsTree = or(isPerson, policy.rule('READ_TREE'));
const organization = (parent: unknown) => parent as OrganizationSubject;

/**
 * Default deny. A mutation passes here when the caller could hold its ability somewhere; the service then
 * asserts the same ability on the organization concerned, which only it loads.
 */
export const rules = {
  Query: { organization: readsTree, organizationRoots: readsTree, banks: readsTree },
  Mutation: {
    createOrganization: policy.rule('SHAPE_TREE'),
    renameOrganization: policy.rule('SHAPE_TREE'),
    moveOrganization: policy.rule('SHAPE_TREE'),
    dissolveOrganization: policy.rule('SHAPE_TREE'),
    setAdministrativeUnit: policy.rule('SHAPE_TREE'),
    reclassifyOrganization: policy.rule('SHAPE_TREE'),
    confirmOrganizationType: policy.rule('SHAPE_TREE'),
    setRolloutStage: policy.rule('SET_ROLLOUT_SCOPE'),
    setRolloutScope: policy.rule('SET_ROLLOUT_SCOPE'),
    setBankAccount: policy.rule('SET_DUES_ACCOUNT'),
    submitMonthlyReport: policy.rule('SUBMIT_MONTHLY_REPORT'),
    recordReportExport: policy.rule('SEE_MONTHLY_REPORTS'),
  },
  Organization: {
    '*': readsTree,
    monthlyReport: policy.rule('SEE_MONTHLY_REPORTS', organization),
    subordinateReports: policy.rule('SEE_MONTHLY_REPORTS', organization),
  },
  // Reached only through the Organization fields above, or as the answer of a submission its rule allowed.
  MonthlyReport: allow,
  SubordinateReport: allow,
  MonthlyReportPayload: allow,
  ReportExportPayload: allow,
  OrganizationVersion: readsTree,
  Rollout: readsTree,
  DataQualityWarning: readsTree,
  Coverage: readsTree,
  Bank: readsTree,
  BankAccount: readsTree,
  // The answers are about the caller themself, each decided by the policy.
  OrganizationViewerCan: allow,
  // Reached only as the answer to a mutation its rule allowed.
  OrganizationPayload: allow,
  BankAccountPayload: allow,
  UserError: allow,
};

import type { UserError } from '@dangvu/subgraph-kit';
import type { InsuranceReconciliationResolvers } from '../generated/resolvers.ts';

/** A reconciliation, read through the service that checked the caller may see it. */
export const InsuranceReconciliation: InsuranceReconciliationResolvers = {
  fileErrors: (reconciliation) => (reconciliation.fileErrors as UserError[] | null) ?? [],
  counts: async (reconciliation, _args, context) => {
    const counts = await context.insurance.counts(reconciliation);
    return { changed: counts.CHANGED, unchanged: counts.UNCHANGED, notFound: counts.NOT_FOUND, invalid: counts.INVALID, applied: counts.APPLIED };
  },
  rows: (reconciliation, args, context) => context.insurance.rows(reconciliation, args),
};

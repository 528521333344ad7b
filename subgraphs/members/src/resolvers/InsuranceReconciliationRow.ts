import type { UserError } from '@dangvu/subgraph-kit';
import type { InsuranceReconciliationRowResolvers } from '../generated/resolvers.ts';
import type { DuesCategory } from '../member/member.repository.ts';

const money = (amount: number | null) => (amount === null ? null : BigInt(amount));

/** A row as stored at review: amounts in whole dong, as Money. */
export const InsuranceReconciliationRow: InsuranceReconciliationRowResolvers = {
  member: (row, _args, context) => (row.memberId ? context.loaders.byId.load(row.memberId) : null),
  insuredSalary: (row) => money(row.insuredSalary),
  basisBefore: (row) => money(row.basisBefore),
  categoryBefore: (row) => row.categoryBefore as DuesCategory | null,
  duesBefore: (row) => money(row.duesBefore),
  duesAfter: (row) => money(row.duesAfter),
  errors: (row) => row.errors as UserError[],
  applied: (row) => row.appliedAt !== null,
};

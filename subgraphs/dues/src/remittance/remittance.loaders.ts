import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { RemittanceRepository } from './remittance.repository.ts';

/** `orgId period` (period a first day): one organization's month. */
export const monthKey = (row: { orgId: string; period: string }) => `${row.orgId} ${row.period}`;

const parts = (keys: readonly string[]) => {
  const split = keys.map((key) => key.split(' ') as [string, string]);
  return [[...new Set(split.map(([orgId]) => orgId))], [...new Set(split.map(([, period]) => period))]] as const;
};

/** Per request: each closed month's remittance and adjustments, however many closes a page lists, in one query each. */
export function remittanceLoaders(repository: RemittanceRepository) {
  return {
    remittance: rowLoader((keys: readonly string[]) => repository.ofMonths(...parts(keys)), monthKey),
    adjustments: groupLoader((keys: readonly string[]) => repository.adjustmentsOf(...parts(keys)), monthKey),
  };
}

export type RemittanceLoaders = ReturnType<typeof remittanceLoaders>;

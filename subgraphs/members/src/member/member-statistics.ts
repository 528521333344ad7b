import type { MemberRow } from './member.repository.ts';

type Count = { activityStatus: MemberRow['activityStatus']; membershipKind: MemberRow['membershipKind']; count: number };

/** Totals of a subtree from its counts by status and kind. */
export function memberStatistics(counts: readonly Count[]) {
  const sum = (rows: readonly Count[]) => rows.reduce((total, row) => total + row.count, 0);
  const byStatus = new Map<Count['activityStatus'], number>();
  for (const row of counts) byStatus.set(row.activityStatus, (byStatus.get(row.activityStatus) ?? 0) + row.count);
  return {
    total: sum(counts),
    official: sum(counts.filter((row) => row.membershipKind === 'OFFICIAL')),
    probationary: sum(counts.filter((row) => row.membershipKind === 'PROBATIONARY')),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count),
  };
}

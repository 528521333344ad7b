import type { MemberRow } from './member.repository.ts';
import { isTerminal } from './status/status.rules.ts';

type Count = { activityStatus: MemberRow['activityStatus']; membershipKind: MemberRow['membershipKind']; count: number };

/**
 * Totals of a subtree from its counts by status and kind: the totals count the register's live members, those
 * whose membership ended are counted apart (docs/rules/member-status.md#terminal-statuses).
 */
export function memberStatistics(all: readonly Count[]) {
  const sum = (rows: readonly Count[]) => rows.reduce((total, row) => total + row.count, 0);
  const counts = all.filter((row) => !isTerminal(row.activityStatus));
  const byStatus = new Map<Count['activityStatus'], number>();
  for (const row of all) byStatus.set(row.activityStatus, (byStatus.get(row.activityStatus) ?? 0) + row.count);
  return {
    total: sum(counts),
    official: sum(counts.filter((row) => row.membershipKind === 'OFFICIAL')),
    probationary: sum(counts.filter((row) => row.membershipKind === 'PROBATIONARY')),
    ended: sum(all.filter((row) => isTerminal(row.activityStatus))),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count),
  };
}

import { expect, it } from 'vitest';
import { memberStatistics } from './member-statistics.ts';

it('counts only live members in the totals, and those whose membership ended apart', () => {
  const statistics = memberStatistics([
    { activityStatus: 'ACTIVE', membershipKind: 'OFFICIAL', count: 40 },
    { activityStatus: 'EXEMPT', membershipKind: 'OFFICIAL', count: 5 },
    { activityStatus: 'ACTIVE', membershipKind: 'PROBATIONARY', count: 3 },
    { activityStatus: 'DECEASED', membershipKind: 'OFFICIAL', count: 2 },
    { activityStatus: 'EXPELLED', membershipKind: 'PROBATIONARY', count: 1 },
  ]);
  expect(statistics).toEqual({
    total: 48,
    official: 45,
    probationary: 3,
    ended: 3,
    byStatus: [
      { status: 'ACTIVE', count: 43 },
      { status: 'EXEMPT', count: 5 },
      { status: 'DECEASED', count: 2 },
      { status: 'EXPELLED', count: 1 },
    ],
  });
});

import { groupLoader, vietnamDay } from '@dangvu/subgraph-kit';
import type { StandingRepository } from './standing.repository.ts';

/** First day of the month eleven months before today's: with today's month, the last twelve months. */
export function twelveMonthWindowStart(today: string): string {
  const [year, monthNumber] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, monthNumber - 1 - 11, 1));
  return start.toISOString().slice(0, 10);
}

export function standingLoaders(repository: StandingRepository, now: Date) {
  const since = twelveMonthWindowStart(vietnamDay(now));
  return {
    obligations: groupLoader((memberIds: readonly string[]) => repository.obligationsSince(memberIds, since), (row) => row.memberId),
  };
}

export type StandingLoaders = ReturnType<typeof standingLoaders>;

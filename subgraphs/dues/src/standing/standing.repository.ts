import { and, gte, inArray } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

const { obligations } = tables;

export function standingRepository(db: Db) {
  return {
    /** Obligations of each member from `sincePeriod` (a first-of-month YYYY-MM-DD) on. */
    obligationsSince: (memberIds: readonly string[], sincePeriod: string) =>
      db
        .select({ memberId: obligations.memberId, period: obligations.period, amount: obligations.amount, status: obligations.status })
        .from(obligations)
        .where(and(inArray(obligations.memberId, [...memberIds]), gte(obligations.period, sincePeriod))),
  };
}

export type StandingRepository = ReturnType<typeof standingRepository>;

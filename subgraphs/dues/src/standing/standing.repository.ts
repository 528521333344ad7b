import { and, gte, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import { isAnyOf, type Executor } from '@dangvu/subgraph-kit';

const { obligations } = tables;

/** Built once: every member list and home page reads the members' dues standing. */
const obligationsSinceQuery = (db: Executor) =>
  db
    .select({
          memberId: obligations.memberId,
          period: obligations.period,
          // postgres.js gives bigint as text: read it as a bigint, never through a JavaScript number (docs/rules/money.md).
          amount: sql<bigint>`${obligations.amount}`.mapWith((text: string) => BigInt(text)),
          status: obligations.status,
          ratedAmount: sql<bigint | null>`${obligations.ratedAmount}`.mapWith((text: string | null) => (text === null ? null : BigInt(text))),
          calculation: obligations.calculation,
        })
    .from(obligations)
    .where(and(isAnyOf(obligations.memberId, 'memberIds'), gte(obligations.period, sql.placeholder('sincePeriod'))))
    .prepare('obligations_since');

export function standingRepository(db: Executor) {
  let since: ReturnType<typeof obligationsSinceQuery> | undefined;
  return {
    /** Obligations of each member from `sincePeriod` (a first-of-month YYYY-MM-DD) on. */
    obligationsSince: (memberIds: readonly string[], sincePeriod: string) =>
      (since ??= obligationsSinceQuery(db)).execute({ memberIds: [...memberIds], sincePeriod }),
  };
}

export type StandingRepository = ReturnType<typeof standingRepository>;

export type StandingObligation = Awaited<ReturnType<StandingRepository['obligationsSince']>>[number];

import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { temporaryExemptions } = tables;

/** docs/rules/dues-obligations.md#temporary-exemption: the members' temporary exemptions as the members subgraph announced them. */
export function temporaryExemptionRepository(db: Executor) {
  return {
    /** The exemption that `statusChangeId` began; the same resolution announced again is the same row. */
    begin: (memberId: string, statusChangeId: string, on: string) =>
      db.insert(temporaryExemptions).values({ statusChangeId, memberId, startsOn: on }).onConflictDoNothing({ target: temporaryExemptions.statusChangeId }),

    /** The member's open exemption ends on `on` by `statusChangeId`; none open (announced twice) changes nothing. */
    end: (memberId: string, statusChangeId: string, on: string) =>
      db
        .update(temporaryExemptions)
        .set({ endsOn: on, endedByStatusChangeId: statusChangeId, updatedAt: new Date() })
        .where(and(eq(temporaryExemptions.memberId, memberId), isNull(temporaryExemptions.endsOn))),

    /** The exemptions of these members that may cover `period` (a first day): begun by its end, not ended before it. */
    coveringMonth: (memberIds: readonly string[], period: string) =>
      db
        .select({ memberId: temporaryExemptions.memberId, startsOn: temporaryExemptions.startsOn, endsOn: temporaryExemptions.endsOn })
        .from(temporaryExemptions)
        .where(
          and(
            inArray(temporaryExemptions.memberId, [...memberIds]),
            lte(temporaryExemptions.startsOn, period),
            or(isNull(temporaryExemptions.endsOn), gte(temporaryExemptions.endsOn, period)),
          ),
        ),
  };
}

import { and, asc, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';
import type { MemberListOrder } from './member-list.rules.ts';

const { members } = tables;

/** A name column in Vietnamese alphabetical order: the ICU collation of migration 0018 (docs/rules/member-register.md#vietnamese-order). */
export const inVietnameseOrder = (column: AnyColumn) => sql`${column} collate members.vi_vn`;

/** One page of an organization's own members; every check was made before. */
export interface MemberListCriteria {
  orgId: string;
  /** Each must appear in the name, ignoring diacritics and case. */
  words: readonly string[] | null;
  activityStatus: readonly MemberRow['activityStatus'][] | null;
  membershipKind: MemberRow['membershipKind'] | null;
  order: MemberListOrder;
  offset: number;
  limit: number;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, '\\$&');

function conditionsOf(criteria: MemberListCriteria): SQL | undefined {
  return and(
    eq(members.orgId, criteria.orgId),
    ...(criteria.words ?? []).map((word) => sql`${members.nameSearch} like '%' || members.search_text(${escapeLike(word)}) || '%'`),
    criteria.activityStatus?.length ? inArray(members.activityStatus, [...criteria.activityStatus]) : undefined,
    criteria.membershipKind ? eq(members.membershipKind, criteria.membershipKind) : undefined,
  );
}

export function memberListRepository(db: Executor) {
  return {
    /**
     * The page: by roster number (those without one last) then name, or by name; names in Vietnamese order,
     * the id last so that the order is total.
     */
    page: (criteria: MemberListCriteria): Promise<MemberRow[]> =>
      db
        .select()
        .from(members)
        .where(conditionsOf(criteria))
        .orderBy(
          ...(criteria.order === 'ROSTER_NUMBER' ? [sql`${members.rosterNumber} nulls last`] : []),
          inVietnameseOrder(members.fullName),
          asc(members.id),
        )
        .offset(criteria.offset)
        .limit(criteria.limit),
    /** How many members the filter leaves, on every page. */
    async count(criteria: MemberListCriteria): Promise<number> {
      const [row] = await db.select({ total: count() }).from(members).where(conditionsOf(criteria));
      return row?.total ?? 0;
    },
  };
}

export type MemberListRepository = ReturnType<typeof memberListRepository>;

import { and, asc, eq, getTableColumns, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import { isAnyOf, type Executor } from '@dangvu/subgraph-kit';
import { inVietnameseOrder } from '../organization/member-list.repository.ts';

export type MemberRow = typeof tables.members.$inferSelect;
export type DuesCategory = MemberRow['duesCategory'];
type ActivityStatus = MemberRow['activityStatus'];
type MembershipKind = MemberRow['membershipKind'];

const { members, roleGrants } = tables;

export type MemberChanges = Partial<typeof members.$inferInsert>;

/** What to fetch for one page of a register search; every decision about reach was taken by the service. */
export interface MemberSearchCriteria {
  /** Path prefixes the members must lie under; null for the whole register. Never empty. */
  subtrees: readonly string[] | null;
  citizenId?: string;
  cardNumber?: string;
  /** Name words as typed: each must begin a word of the name, ignoring diacritics and case, in any order. */
  words?: readonly string[];
  activityStatus?: readonly ActivityStatus[];
  membershipKind?: MembershipKind;
  /** Continue after this key, in the order of the search (see `search`). */
  after?: { rank: number | null; name: string; id: string } | null;
  limit: number;
}

export type MemberSearchRow = MemberRow & { rank: number | null };

/** LIKE's own characters, taken literally. unaccent() and lower() leave the backslash alone. */
const escapeLike = (word: string) => word.replace(/[\\%_]/g, '\\$&');
const normalized = (value: string) => sql`members.search_text(${value})`;
const spaced = sql`(' ' || ${members.nameSearch} || ' ')`;

/**
 * How well a name matches the words, 0 best: the whole name; the words together, in order, as whole words
 * ("van an" in "nguyen van an"); the start of the name (a name still being typed); every word whole, in any
 * order; every word the start of a word.
 */
function matchRank(words: readonly string[]): SQL<number> {
  const phrase = words.join(' ');
  const escaped = words.map(escapeLike);
  const allWhole = and(...escaped.map((word) => sql`${spaced} like '% ' || ${normalized(word)} || ' %'`));
  return sql<number>`case
    when ${members.nameSearch} = ${normalized(phrase)} then 0
    when ${spaced} like '% ' || ${normalized(escaped.join(' '))} || ' %' then 1
    when ${members.nameSearch} like ${normalized(escaped.join(' '))} || '%' then 2
    when ${allWhole} then 3
    else 4 end`;
}

/** One member by id, as a statement drizzle builds once: `me` reads it on every page (docs/benchmarks.md). */
const oneByIdQuery = (db: Executor) => db.select().from(members).where(eq(members.id, sql.placeholder('id'))).prepare('members_by_id');

/**
 * The members of a list of organizations, built once: a cell's list reads it on every request. */
const inOrganizationsQuery = (db: Executor) =>
  db
    .select()
    .from(members)
    .where(isAnyOf(members.orgId, 'orgIds'))
    .orderBy(sql`${members.rosterNumber} nulls last`, inVietnameseOrder(members.fullName), asc(members.id))
    .prepare('members_in_organizations');

export function memberRepository(db: Executor) {
  let oneById: ReturnType<typeof oneByIdQuery> | undefined;
  let ofOrganizations: ReturnType<typeof inOrganizationsQuery> | undefined;
  return {
    async byId(id: string): Promise<MemberRow | null> {
      const [row] = await db.select().from(members).where(eq(members.id, id));
      return row ?? null;
    },
    /** Locks the record for the rest of the transaction: edits are decided on what no one else is changing. */
    async byIdForUpdate(id: string): Promise<MemberRow | null> {
      const [row] = await db.select().from(members).where(eq(members.id, id)).for('update');
      return row ?? null;
    },
    /** Writes `changes` and moves the record to its next version. */
    async update(id: string, changes: MemberChanges): Promise<MemberRow> {
      const [updated] = await db
        .update(members)
        .set({ ...changes, version: sql`${members.version} + 1`, updatedAt: new Date() })
        .where(eq(members.id, id))
        .returning();
      return updated!;
    },
    /** Which of a citizen ID and a card number another member than `exceptId` already holds. */
    async identifiersHeldByOthers(exceptId: string, citizenId: string, cardNumber: string | null) {
      const [byCitizenId] = await db.select({ id: members.id }).from(members).where(and(eq(members.citizenId, citizenId), ne(members.id, exceptId)));
      const [byCard] = cardNumber
        ? await db.select({ id: members.id }).from(members).where(and(eq(members.cardNumber, cardNumber), ne(members.id, exceptId)))
        : [];
      return { citizenId: byCitizenId !== undefined, cardNumber: byCard !== undefined };
    },
    byIds: (ids: readonly string[]): Promise<MemberRow[]> =>
      ids.length === 1
        ? (oneById ??= oneByIdQuery(db)).execute({ id: ids[0] })
        : db.select().from(members).where(inArray(members.id, [...ids])),
    /** Members of official activity in each organization, by roster number then name in Vietnamese order. */
    inOrganizations: (orgIds: readonly string[]): Promise<MemberRow[]> => (ofOrganizations ??= inOrganizationsQuery(db)).execute({ orgIds: [...orgIds] }),
    /** Members hosted temporarily by each organization, by planned end then name in Vietnamese order. */
    hostedBy: (orgIds: readonly string[]) =>
      db
        .select()
        .from(members)
        .where(inArray(members.temporaryHostOrgId, [...orgIds]))
        .orderBy(asc(members.temporaryHostUntil), inVietnameseOrder(members.fullName), asc(members.id)),
    /**
     * How many members lie under each path, by activity status and membership kind: counts, never persons.
     * One statement for the whole batch, each branch on the path prefix index.
     */
    countsUnder: async (paths: readonly string[]) =>
      db.execute<{ path: string; activityStatus: ActivityStatus; membershipKind: MembershipKind; count: number }>(
        sql.join(
          paths.map(
            (path) => sql`(select ${path}::text as path, ${members.activityStatus} as "activityStatus",
              ${members.membershipKind} as "membershipKind", count(*)::int as count
              from ${members} where ${members.orgPath} like ${`${path}%`} group by 2, 3)`,
          ),
          sql` union all `,
        ),
      ),
    /**
     * The path of an organization, found from what this schema holds: a member of it, else a role on it, else a
     * member anywhere under it (a scan of the path index, stopping at the first). Null when no member is under it.
     */
    async subtreePathOf(orgId: string): Promise<string | null> {
      const marker = `/${orgId}/`;
      const [row] = await db.execute<{ path: string | null }>(sql`select coalesce(
        (select ${members.orgPath} from ${members} where ${members.orgId} = ${orgId} limit 1),
        (select ${roleGrants.orgPath} from ${roleGrants} where ${roleGrants.orgId} = ${orgId} limit 1),
        (select left(${members.orgPath}, strpos(${members.orgPath}, ${marker}) + ${marker.length - 1})
           from ${members} where ${members.orgPath} like ${`%${marker}%`} limit 1)
      ) as path`);
      return row?.path ?? null;
    },

    /**
     * One page of the register, `limit` rows at most. A name search is ordered by match rank, then name without
     * diacritics, then id; any other search by name then id (which the name-order index serves without a sort).
     * Name words use the trigram index on name_search; subtrees use the path prefix index.
     */
    async search(criteria: MemberSearchCriteria): Promise<MemberSearchRow[]> {
      const conditions: (SQL | undefined)[] = [];
      if (criteria.subtrees) conditions.push(or(...criteria.subtrees.map((path) => like(members.orgPath, `${path}%`))));
      if (criteria.citizenId) conditions.push(eq(members.citizenId, criteria.citizenId));
      if (criteria.cardNumber) conditions.push(eq(members.cardNumber, criteria.cardNumber));
      for (const word of (criteria.words ?? []).map(escapeLike)) {
        // The first form is the one the trigram index answers; the second keeps words that start a word of the name.
        conditions.push(sql`${members.nameSearch} like '%' || ${normalized(word)} || '%'`);
        conditions.push(sql`' ' || ${members.nameSearch} like '% ' || ${normalized(word)} || '%'`);
      }
      if (criteria.activityStatus?.length) conditions.push(inArray(members.activityStatus, [...criteria.activityStatus]));
      if (criteria.membershipKind) conditions.push(eq(members.membershipKind, criteria.membershipKind));

      const rank = criteria.words?.length ? matchRank(criteria.words) : null;
      const after = criteria.after;
      if (after && rank) conditions.push(sql`(${rank}, ${members.nameSearch}, ${members.id}) > (${after.rank}::int, ${after.name}::text, ${after.id}::uuid)`);
      else if (after) conditions.push(sql`(${members.nameSearch}, ${members.id}) > (${after.name}::text, ${after.id}::uuid)`);

      return db
        .select({ ...getTableColumns(members), rank: rank ?? sql<null>`null::int` })
        .from(members)
        .where(and(...conditions))
        .orderBy(...(rank ? [rank] : []), asc(members.nameSearch), asc(members.id))
        .limit(criteria.limit);
    },
  };
}

export type MemberRepository = ReturnType<typeof memberRepository>;

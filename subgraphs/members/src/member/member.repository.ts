import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

export type MemberRow = typeof tables.members.$inferSelect;

const { members, contactChangeRequests } = tables;

export function memberRepository(db: Db) {
  return {
    byIds: (ids: readonly string[]) => db.select().from(members).where(inArray(members.id, [...ids])),
    /** Members of official activity in each organization, by roster number then name. */
    inOrganizations: (orgIds: readonly string[]) =>
      db
        .select()
        .from(members)
        .where(inArray(members.orgId, [...orgIds]))
        .orderBy(sql`${members.rosterNumber} nulls last`, asc(members.fullName)),
    /** Pending contact corrections of the members of each organization, oldest first. */
    pendingContactChanges: (orgIds: readonly string[]) =>
      db
        .select({ request: contactChangeRequests, orgId: members.orgId })
        .from(contactChangeRequests)
        .innerJoin(members, eq(members.id, contactChangeRequests.memberId))
        .where(and(inArray(members.orgId, [...orgIds]), eq(contactChangeRequests.status, 'PENDING')))
        .orderBy(asc(contactChangeRequests.requestedAt)),
  };
}

export type MemberRepository = ReturnType<typeof memberRepository>;

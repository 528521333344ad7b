import { asc, inArray, sql } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

export type MemberRow = typeof tables.members.$inferSelect;

const { members } = tables;

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
  };
}

export type MemberRepository = ReturnType<typeof memberRepository>;

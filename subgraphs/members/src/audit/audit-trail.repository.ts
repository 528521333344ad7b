import { and, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { auditEntries, members } = tables;

export type AuditEntryRow = typeof auditEntries.$inferSelect;

const LIMIT = 200;

/** Reading the audit trail; appending is the kit's auditLog. */
export function auditTrailRepository(db: Executor) {
  return {
    /** Entries about `entityId` that the caller may read: under one of `orgPaths`, or about the caller's own record. */
    trail(entityId: string, orgPaths: readonly string[], selfId: string | null) {
      const reach: SQL[] = orgPaths.map((path) => like(auditEntries.orgPath, `${path}%`));
      if (selfId) reach.push(eq(auditEntries.subjectMemberId, selfId));
      if (reach.length === 0) return Promise.resolve([]);
      return db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.entityId, entityId), or(...reach)))
        .orderBy(desc(auditEntries.id))
        .limit(LIMIT);
    },
    /** Who viewed or changed each member's record, newest first. */
    aboutMembers: (memberIds: readonly string[]) =>
      db
        .select()
        .from(auditEntries)
        .where(inArray(auditEntries.subjectMemberId, [...memberIds]))
        .orderBy(desc(auditEntries.id))
        .limit(LIMIT * memberIds.length),
    /** Names of the people who acted: shown as names only, like an organization's officers. */
    names: (ids: readonly string[]) =>
      db.select({ id: members.id, fullName: members.fullName }).from(members).where(inArray(members.id, [...ids])),
  };
}

export type AuditTrailRepository = ReturnType<typeof auditTrailRepository>;

import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { contactChangeRequests, members } = tables;

export type ContactChangeRow = typeof contactChangeRequests.$inferSelect;

/** Members' proposed corrections of their own contact details. */
export function contactChangeRepository(db: Executor) {
  return {
    async insert(row: typeof contactChangeRequests.$inferInsert): Promise<ContactChangeRow> {
      const [created] = await db.insert(contactChangeRequests).values(row).returning();
      return created!;
    },
    async byIdForUpdate(id: string): Promise<ContactChangeRow | null> {
      const [row] = await db.select().from(contactChangeRequests).where(eq(contactChangeRequests.id, id)).for('update');
      return row ?? null;
    },
    async decide(id: string, decision: Pick<ContactChangeRow, 'status' | 'decidedAt' | 'decidedBy'>): Promise<ContactChangeRow> {
      const [decided] = await db.update(contactChangeRequests).set(decision).where(eq(contactChangeRequests.id, id)).returning();
      return decided!;
    },
    /** Pending corrections of the members of each organization, oldest first. */
    pendingIn: (orgIds: readonly string[]) =>
      db
        .select({ request: contactChangeRequests, orgId: members.orgId })
        .from(contactChangeRequests)
        .innerJoin(members, eq(members.id, contactChangeRequests.memberId))
        .where(and(inArray(members.orgId, [...orgIds]), eq(contactChangeRequests.status, 'PENDING')))
        .orderBy(asc(contactChangeRequests.requestedAt)),
  };
}

export type ContactChangeRepository = ReturnType<typeof contactChangeRepository>;

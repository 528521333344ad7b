import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';

const { members, roleGrants } = tables;

/**
 * A completed official transfer moves the member's official activity (with the receiving cell's roster number), and the roles they held in the
 * organizations they leave end that day by themselves; a role on a committee above both stays.
 */
export const memberTransferredConsumer = defineConsumer(transferEvents, {
  name: 'members.member-transferred',
  topics: ['member.transferred'],
  async handle(tx, { payload: { memberId, toOrgId, toOrgPath, on, rosterNumber } }) {
    // The old cell's roster number means nothing in the new one: the number the receiving cell gave, or none yet.
    await tx
      .update(members)
      .set({ orgId: toOrgId, orgPath: toOrgPath, rosterNumber: rosterNumber ?? null, temporaryHostOrgId: null, temporaryHostUntil: null, updatedAt: new Date() })
      .where(eq(members.id, memberId));
    await tx
      .update(roleGrants)
      .set({ endsOn: on })
      .where(
        and(
          eq(roleGrants.memberId, memberId),
          or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, on)),
          // A grant stays where the new organization sits under the granted one.
          sql`not (${toOrgPath} like ${roleGrants.orgPath} || '%')`,
        ),
      );
  },
});

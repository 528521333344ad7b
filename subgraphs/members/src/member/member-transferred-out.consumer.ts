import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';

const { members, roleGrants, accounts, sessions } = tables;

/**
 * An official transfer out of the system completed (the organization there sent its return slip): the member
 * leaves the register here in the terminal status TRANSFERRED_OUT, every role they held ends that day, and
 * their account is locked with its sessions ended, as any terminal status does (docs/rules/accounts.md#terminal-members).
 */
export const memberTransferredOutConsumer = defineConsumer(transferEvents, {
  name: 'members.member-transferred-out',
  topics: ['member.transferredOut'],
  async handle(tx, { payload: { memberId, on } }) {
    await tx
      .update(members)
      .set({ activityStatus: 'TRANSFERRED_OUT', temporaryHostOrgId: null, temporaryHostUntil: null, updatedAt: new Date() })
      .where(eq(members.id, memberId));
    await tx
      .update(roleGrants)
      .set({ endsOn: on })
      .where(and(eq(roleGrants.memberId, memberId), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, on))));
    const locked = await tx
      .update(accounts)
      .set({ status: 'LOCKED' })
      .where(and(eq(accounts.memberId, memberId), inArray(accounts.status, ['PENDING', 'ACTIVE'])))
      .returning({ id: accounts.id });
    if (locked[0]) {
      await tx
        .update(sessions)
        .set({ endedAt: new Date(), endReason: 'ACCOUNT_LOCKED' })
        .where(and(eq(sessions.accountId, locked[0].id), isNull(sessions.endedAt)));
    }
  },
});

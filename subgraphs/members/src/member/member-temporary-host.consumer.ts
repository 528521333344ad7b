import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { and, eq } from 'drizzle-orm';

const { members } = tables;

/**
 * A temporary transfer was accepted or extended (the host and the planned end), or ended (no host): the
 * register keeps the host beside the official organization, which does not change, and the member reads as
 * active elsewhere for a while (TEMP_AWAY) until the end brings them back (ACTIVE). A status set by decision
 * meanwhile (exemption, a terminal one) is not overwritten (docs/rules/member-register.md#temporary-host).
 */
export const memberTemporaryHostConsumer = defineConsumer(transferEvents, {
  name: 'members.member-temporary-host',
  topics: ['member.temporaryHostChanged'],
  async handle(tx, { payload: { memberId, host } }) {
    const now = new Date();
    if (host) {
      await tx.update(members).set({ temporaryHostOrgId: host.orgId, temporaryHostUntil: host.until, updatedAt: now }).where(eq(members.id, memberId));
      await tx.update(members).set({ activityStatus: 'TEMP_AWAY' }).where(and(eq(members.id, memberId), eq(members.activityStatus, 'ACTIVE')));
    } else {
      await tx.update(members).set({ temporaryHostOrgId: null, temporaryHostUntil: null, updatedAt: now }).where(eq(members.id, memberId));
      await tx.update(members).set({ activityStatus: 'ACTIVE' }).where(and(eq(members.id, memberId), eq(members.activityStatus, 'TEMP_AWAY')));
    }
  },
});

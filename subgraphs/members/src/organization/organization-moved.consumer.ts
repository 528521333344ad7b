import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { like, sql } from 'drizzle-orm';

const { members, organizationKinds, roleGrants, totpRequirements, rolloutSettings } = tables;

/**
 * When an organization moves, the copies of its path that this subgraph keeps for subtree checks
 * (members', role grants', second-factor requirements', organizations' kinds and roll-out settings') move with it: `/old/…` becomes `/new/…` for its whole subtree.
 */
export const organizationMovedConsumer = defineConsumer(organizationEvents, {
  name: 'members.organization-moved',
  topics: ['organization.moved'],
  async handle(tx, { payload: { oldPath, newPath } }) {
    for (const table of [members, roleGrants, totpRequirements, organizationKinds, rolloutSettings]) {
      await tx
        .update(table)
        .set({ orgPath: sql`${newPath} || substr(${table.orgPath}, ${oldPath.length + 1})` })
        .where(like(table.orgPath, `${oldPath}%`));
    }
  },
});

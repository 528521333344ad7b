import { defineConsumer } from '@dangvu/subgraph-kit';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { repositories } from '../repositories.ts';

/**
 * Keeps `member_counts` right as members move: the organization subgraph cannot count the members schema
 * itself, and dissolving an organization that still has members is refused on this count
 * (docs/rules/organization-tree.md#dissolving).
 */
export const memberCountsConsumer = defineConsumer(transferEvents, {
  name: 'organization.member-counts',
  topics: ['member.transferred'],
  async handle(tx, { payload: { fromOrgId, toOrgId } }) {
    const { organizations } = repositories(tx);
    await organizations.adjustMemberCount(fromOrgId, -1);
    await organizations.adjustMemberCount(toOrgId, +1);
  },
});

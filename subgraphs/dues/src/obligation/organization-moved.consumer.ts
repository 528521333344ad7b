import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { obligationRepository } from './obligation.repository.ts';

/** When an organization moves, the roll's copies of its path (for subtree checks) move with its whole subtree. */
export const duesOrganizationMovedConsumer = defineConsumer(organizationEvents, {
  name: 'dues.organization-moved',
  topics: ['organization.moved'],
  handle: (tx, { payload: { oldPath, newPath } }) => obligationRepository(tx).movePaths(oldPath, newPath),
});
